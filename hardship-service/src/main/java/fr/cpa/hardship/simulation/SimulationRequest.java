package fr.cpa.hardship.simulation;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

/** {@code POST /api/v1/c2p/simulations}: a birth date and, per year, the factors one was exposed to. */
@Schema(name = "C2pSimulationRequest")
public record SimulationRequest(
        @Schema(description = "drives the doubling (born before 1956-07-01)", example = "1975-06-01") LocalDate birthDate,
        List<Year> years) {

    @Schema(name = "C2pSimulationYear")
    public record Year(@Schema(example = "2024") Integer year, List<Exposure> exposures) {
    }

    /** One factor, with exactly one quantity in the factor's own unit. */
    @Schema(name = "C2pSimulationExposure")
    public record Exposure(
            @Schema(example = "NIGHT_WORK", enumeration = {"NIGHT_WORK", "ALTERNATING_SHIFTS", "REPETITIVE_WORK",
                    "HYPERBARIC", "EXTREME_TEMPERATURES", "NOISE", "MANUAL_HANDLING", "AWKWARD_POSTURES",
                    "VIBRATION", "CHEMICAL_AGENTS"}) String factor,
            @Schema(description = "NIGHT_WORK, ALTERNATING_SHIFTS", example = "110") Long nights,
            @Schema(description = "REPETITIVE_WORK, EXTREME_TEMPERATURES, NOISE (≥ 81 dB(A)) and the four factors of 2016–2017") Long hours,
            @Schema(description = "HYPERBARIC") Long interventions,
            @Schema(description = "NOISE (peaks ≥ 135 dB(C))") Long peaks,
            @Schema(description = "exposed period in the year, 1–12 (12 = whole year)", example = "12") Integer months) {
    }
}
