package fr.cpa.account.access;

import fr.cpa.account.holder.HolderService;
import fr.cpa.account.nir.Nir;
import fr.cpa.account.summary.SummaryService;
import fr.cpa.platform.problem.ProblemException;
import fr.cpa.platform.security.Caller;
import fr.cpa.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Optional;
import java.util.UUID;

@Path("/api/v1/holders/lookup")
@Tag(name = "Holders")
@SecurityRequirement(name = "bearer")
public class LookupResource {

    private final HolderService holders;
    private final SummaryService summaries;
    private final AccessLog log;
    private final Caller caller;

    LookupResource(HolderService holders, SummaryService summaries, AccessLog log, Caller caller) {
        this.holders = holders;
        this.summaries = summaries;
        this.log = log;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADVISOR, Roles.ADMIN})
    @Operation(summary = "Find a holder by NIR and open their CPA summary (advisor, admin); audited",
            description = "The NIR travels in the body, never in the URL. The reason is required: every look-up, "
                    + "found or not, is written to the audit log (who, whom, when, why), which the holder reads at "
                    + "GET /api/v1/holders/{id}/access-log.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = LookupRequest.class),
            examples = @ExampleObject(name = "look-up", value = """
                    {"nir": "184127645108946", "reason": "rendez-vous France Travail du 3 mars"}""")))
    @APIResponse(responseCode = "200", description = "the holder id and summary",
            content = @Content(schema = @Schema(implementation = LookupResult.class)))
    @APIResponse(responseCode = "400", description = "NIR invalid or reason missing, by field")
    @APIResponse(responseCode = "404", description = "nobody has this NIR (the look-up is still recorded)")
    public LookupResult lookup(@Valid @NotNull LookupRequest request) {
        Nir nir = Nir.parse(request.nir()).orElseThrow(() -> ProblemException.invalid("nir", "is not a valid NIR"));
        Optional<UUID> holder = holders.idByNir(nir);
        log.record(holder.orElse(null), caller.name(), role(), AccessLog.Action.LOOKUP, request.reason().strip());
        UUID id = holder.orElseThrow(() -> ProblemException.notFound("no holder has this NIR"));
        return new LookupResult(id, summaries.summary(id));
    }

    private String role() {
        return caller.hasRole(Roles.ADMIN) ? Roles.ADMIN : Roles.ADVISOR;
    }
}
