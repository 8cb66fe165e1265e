package fr.cpa.hardship.rules;

import java.util.List;
import java.util.Optional;

/**
 * The ten hardship factors (facteurs de risques professionnels, L4161-1 / D4163-2) and the units in
 * which each is measured. Which factor is in force when is in {@link C2pParameters#FACTORS}.
 */
public enum Factor {
    NIGHT_WORK(Unit.NIGHTS),
    ALTERNATING_SHIFTS(Unit.NIGHTS),
    REPETITIVE_WORK(Unit.HOURS),
    HYPERBARIC(Unit.INTERVENTIONS),
    EXTREME_TEMPERATURES(Unit.HOURS),
    /** Two alternative measures: hours over 81 dB(A), or peaks at 135 dB(C). */
    NOISE(Unit.HOURS, Unit.PEAKS),
    MANUAL_HANDLING(Unit.HOURS),
    AWKWARD_POSTURES(Unit.HOURS),
    VIBRATION(Unit.HOURS),
    CHEMICAL_AGENTS(Unit.HOURS);

    private final List<Unit> units;

    Factor(Unit... units) {
        this.units = List.of(units);
    }

    public List<Unit> units() {
        return units;
    }

    public static Optional<Factor> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        for (Factor factor : values()) {
            if (factor.name().equals(name)) {
                return Optional.of(factor);
            }
        }
        return Optional.empty();
    }
}
