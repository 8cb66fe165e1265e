package fr.cpa.hardship.account;

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

@Path("/api/v1/holders/{id}/c2p")
@Tag(name = "C2P")
@SecurityRequirement(name = "bearer")
public class C2pResource {

    /** {@code GET /api/v1/holders/{id}/c2p}. */
    public record C2pBalance(UUID holderId, int points) {
    }

    private final Caller caller;

    C2pResource(Caller caller) {
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.HOLDER, Roles.ADVISOR, Roles.ADMIN, Roles.SERVICE})
    @Operation(summary = "The holder's C2P points (the holder themselves, advisor, admin, service)")
    public C2pBalance balance(@PathParam("id") UUID holderId) {
        caller.requireHolder(holderId);
        C2pAccount account = C2pAccount.findById(holderId);
        if (account == null) {
            throw ProblemException.notFound("C2P account of holder " + holderId);
        }
        return new C2pBalance(account.holderId, account.points);
    }
}
