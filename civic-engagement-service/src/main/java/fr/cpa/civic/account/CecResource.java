package fr.cpa.civic.account;

import fr.cpa.platform.money.Money;
import fr.cpa.platform.problem.ProblemException;
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

@Path("/api/v1/holders/{id}/cec")
@Tag(name = "CEC")
@SecurityRequirement(name = "bearer")
public class CecResource {

    /** {@code GET /api/v1/holders/{id}/cec}. */
    public record CecBalance(UUID holderId, Money credit, long creditMinutes) {
    }

    private final Caller caller;

    CecResource(Caller caller) {
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.HOLDER, Roles.ADVISOR, Roles.ADMIN, Roles.SERVICE})
    @Operation(summary = "The holder's CEC credit (the holder themselves, advisor, admin, service)")
    public CecBalance balance(@PathParam("id") UUID holderId) {
        caller.requireHolder(holderId);
        CecAccount account = CecAccount.findById(holderId);
        if (account == null) {
            throw ProblemException.notFound("CEC account of holder " + holderId);
        }
        return new CecBalance(account.holderId, Money.cents(account.creditCents), account.creditMinutes);
    }
}
