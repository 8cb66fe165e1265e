package fr.cpa.account.summary;

import fr.cpa.platform.security.Caller;
import fr.cpa.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import fr.cpa.account.access.AccessLog;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

@Path("/api/v1/holders/{id}/summary")
@Tag(name = "Holders")
@SecurityRequirement(name = "bearer")
public class SummaryResource {

    private final SummaryService summaries;
    private final AccessLog accessLog;
    private final Caller caller;

    SummaryResource(SummaryService summaries, AccessLog accessLog, Caller caller) {
        this.summaries = summaries;
        this.accessLog = accessLog;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.HOLDER, Roles.ADVISOR, Roles.ADMIN, Roles.SERVICE})
    @Operation(summary = "The CPA summary: CPF, C2P and CEC, situations and open enrolments (the holder themselves, "
            + "advisor, admin, service)",
            description = "From a read model fed by cpa.cpf.v1, cpa.c2p.v1, cpa.cec.v1, cpa.funding.v1 and "
                    + "cpa.enrolment.v1; asOf is the time of the latest event applied, so a reader knows how fresh it "
                    + "is. Every read by someone other than the holder is written to the holder's access log.")
    public SummaryView summary(@PathParam("id") UUID id,
                               @Parameter(description = "why (staff): written to the holder's access log")
                               @QueryParam("reason") String reason) {
        caller.requireHolder(id);
        SummaryView view = summaries.summary(id); // an unknown holder: 404, nothing to audit
        if (caller.holderId().filter(id::equals).isEmpty()) {
            // staff: every read is written to the holder's access log before it is served
            accessLog.record(id, caller.name(), staffRole(), AccessLog.Action.SUMMARY_READ,
                    reason == null || reason.isBlank() ? null : reason.strip());
        }
        return view;
    }

    private String staffRole() {
        for (String role : new String[]{Roles.ADMIN, Roles.ADVISOR, Roles.SERVICE}) {
            if (caller.hasRole(role)) {
                return role;
            }
        }
        return "unknown";
    }
}
