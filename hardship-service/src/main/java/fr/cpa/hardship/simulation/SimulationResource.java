package fr.cpa.hardship.simulation;

import jakarta.annotation.security.PermitAll;
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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The public C2P simulator: what exposures would earn, without an account and without storing anything. */
@Path("/api/v1/c2p/simulations")
@Tag(name = "C2P")
public class SimulationResource {

    private final Simulator simulator;

    SimulationResource(Simulator simulator) {
        this.simulator = simulator;
    }

    @POST
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Simulate C2P points (public, no token; stateless)",
            description = "Each year's exposures are scored on that year's rules (thresholds, scale, doubling, "
                    + "the career cap until Aug 2023) as if one contract declared them. Each exposure gives one "
                    + "quantity in its factor's unit: nights, hours, interventions or peaks.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SimulationRequest.class),
            examples = @ExampleObject(name = "night work in 2024", value = """
                    {"birthDate": "1975-06-01", "years": [{"year": 2024, "exposures": [{"factor": "NIGHT_WORK", "nights": 110, "months": 12}]}]}""")))
    @APIResponse(responseCode = "200", description = "points per year and their total",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SimulationResult.class),
                    examples = @ExampleObject(name = "night work in 2024", value = """
                            {"years": [{"year": 2024, "points": 4, "explanation": ["NIGHT_WORK: 110 nights ≥ 100 (threshold from 2023-09-01, D4163-2, décret 2023-760), 12 months", "whole year, 4 per factor, 1 factor: 4 points (R4163-9, décret 2023-760)", "2024: 4 points"]}], "total": 4}""")))
    @APIResponse(responseCode = "400", description = "invalid request; every bad field is named",
            content = @Content(mediaType = "application/problem+json"))
    public SimulationResult simulate(SimulationRequest request) {
        return simulator.simulate(request);
    }
}
