package fr.cpa.catalogue.stats;

import fr.cpa.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code GET /api/v1/stats/catalogue}: the catalogue's aggregated, non-personal figures. */
@Path("/api/v1/stats/catalogue")
@Tag(name = "Statistics")
@SecurityRequirement(name = "bearer")
public class StatsResource {

    private final CatalogueStats stats;

    StatsResource(CatalogueStats stats) {
        this.stats = stats;
    }

    @GET
    @RolesAllowed({Roles.ADVISOR, Roles.ADMIN})
    @Operation(summary = "Catalogue statistics (advisor, admin): offers by region and certification type, enrolments by "
            + "state and region, top 10 certifications by CPF money committed (enrolments validated or beyond)")
    @APIResponse(responseCode = "200", description = "the figures, computed now")
    @APIResponse(responseCode = "401", description = "no token")
    @APIResponse(responseCode = "403", description = "neither advisor nor admin")
    public CatalogueStats.Stats get() {
        return stats.compute();
    }
}
