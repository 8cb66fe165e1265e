package fr.cpa.trainingrights.ledger;

import fr.cpa.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/admin/cpf/invariant")
@Tag(name = "CPF administration")
@SecurityRequirement(name = "jwt")
public class LedgerAdminResource {

    private final LedgerInvariant invariant;

    LedgerAdminResource(LedgerInvariant invariant) {
        this.invariant = invariant;
    }

    @GET
    @RolesAllowed(Roles.ADMIN)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Check that every cached balance equals the sum of its ledger entries (admin)")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON, examples =
    @ExampleObject(name = "holds", value = "{\"accountsChecked\": 1200, \"mismatches\": [], \"overHeldPots\": [], \"holds\": true}")))
    public LedgerInvariant.Report check() {
        return invariant.check();
    }
}
