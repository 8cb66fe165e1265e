package fr.cpa.hardship.exposure;

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
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Path("/api/v1/holders/{id}/c2p/exposures")
@Tag(name = "C2P")
@SecurityRequirement(name = "bearer")
public class ExposureResource {

    /** One declared exposure, as the employer declared it. */
    public record ExposureView(int year, String siret, String factor, String unit, long quantity, int months,
                               UUID declarationId, int declarationVersion, Instant declaredAt,
                               @Schema(description = "the declaration's month (YYYY-MM); null for exposures received before it was sent")
                               String period) {
    }

    private final Caller caller;

    ExposureResource(Caller caller) {
        this.caller = caller;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.HOLDER, Roles.ADVISOR, Roles.ADMIN, Roles.SERVICE})
    @Operation(summary = "The hardship exposures declared for a holder, newest year first (roles: the holder themselves, advisor, admin, service)")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "night work",
            value = """
                    [{"year": 2025, "siret": "73282932000074", "factor": "NIGHT_WORK", "unit": "NIGHTS", "quantity": 110, "months": 12, \
                    "declarationId": "d3c1a2b4-5e6f-4a7b-8c9d-0e1f2a3b4c5d", "declarationVersion": 1, "declaredAt": "2026-01-05T10:15:30Z", "period": "2025-12"}]""")))
    public List<ExposureView> exposures(@PathParam("id") UUID holderId) {
        caller.requireHolder(holderId);
        return C2pExposure.of(holderId).stream()
                .map(e -> new ExposureView(e.year, e.siret, e.factor, e.unit, e.quantity, e.months, e.declarationId,
                        e.declarationVersion, e.declaredAt, e.period))
                .toList();
    }
}
