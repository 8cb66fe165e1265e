package fr.cpa.hardship.simulation;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** The points each year would earn, with why, and their total. */
@Schema(name = "C2pSimulationResult")
public record SimulationResult(List<Year> years, int total) {

    @Schema(name = "C2pSimulatedYear")
    public record Year(int year, int points, List<String> explanation) {
    }
}
