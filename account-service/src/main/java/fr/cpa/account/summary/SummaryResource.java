package fr.cpa.account.summary;

import fr.cpa.platform.security.Caller;
import fr.cpa.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

@Path("/api/v1/holders/{id}/summary")
@Tag(name = "Holders")
@SecurityRequirement(name = "bearer")
public class SummaryResource {

    private final SummaryService summaries;
    private final Caller caller;

    SummaryResource(SummaryService summaries, Caller caller) {
        this.summaries = summaries;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.HOLDER, Roles.ADVISOR, Roles.ADMIN, Roles.SERVICE})
    @Operation(summary = "The CPA summary: CPF, C2P and CEC, situations and open enrolments (the holder themselves, "
            + "advisor, admin, service)",
            description = "From a read model fed by cpa.cpf.v1, cpa.c2p.v1, cpa.cec.v1 and cpa.enrolment.v1; asOf is "
                    + "the time of the latest event applied, so a reader knows how fresh it is.")
    public SummaryView summary(@PathParam("id") UUID id) {
        caller.requireHolder(id);
        return summaries.summary(id);
    }
}
