package fr.cpa.account.access;

import fr.cpa.platform.security.Caller;
import fr.cpa.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

@Path("/api/v1/holders/{id}/access-log")
@Tag(name = "Holders")
@SecurityRequirement(name = "bearer")
public class AccessLogResource {

    /** The newest entries returned. */
    static final int MAX_ENTRIES = 500;

    private final AccessLog log;
    private final Caller caller;

    AccessLogResource(AccessLog log, Caller caller) {
        this.log = log;
        this.caller = caller;
    }

    /**
     * The holder only: this log is the holder's check on staff, so staff (advisors included) may not
     * read it here — an advisor browsing who else looked at a person would be one more access to audit.
     */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.HOLDER)
    @Operation(summary = "Who looked at my account: advisor look-ups and summary reads, newest first (the holder only)")
    @APIResponse(responseCode = "200", content = @Content(examples = @ExampleObject(name = "one look-up", value = """
            [{"at": "2026-03-03T09:12:00Z", "accessor": "advisor-4521", "role": "advisor", "action": "LOOKUP",
              "reason": "rendez-vous France Travail du 3 mars"}]""")))
    @APIResponse(responseCode = "403", description = "another holder, or not a holder")
    public List<AccessEntry> accessLog(@PathParam("id") UUID id) {
        caller.requireHolder(id);
        return log.of(id, MAX_ENTRIES);
    }
}
