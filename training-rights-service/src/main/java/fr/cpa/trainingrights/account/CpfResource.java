package fr.cpa.trainingrights.account;

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

@Path("/api/v1/holders/{id}/cpf")
@Tag(name = "CPF")
@SecurityRequirement(name = "bearer")
public class CpfResource {

    private final Caller caller;

    CpfResource(Caller caller) {
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.HOLDER, Roles.ADVISOR, Roles.ADMIN, Roles.SERVICE})
    @Operation(summary = "The holder's CPF balances (the holder themselves, advisor, admin, service)")
    public CpfBalance balance(@PathParam("id") UUID holderId) {
        caller.requireHolder(holderId);
        CpfAccount account = CpfAccount.findById(holderId);
        if (account == null) {
            throw ProblemException.notFound("CPF account of holder " + holderId);
        }
        return CpfBalance.of(account);
    }
}
