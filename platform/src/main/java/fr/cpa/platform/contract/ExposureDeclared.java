package fr.cpa.platform.contract;

import java.util.List;
import java.util.UUID;

/**
 * {@code cpa.exposure.v1} / {@code ExposureDeclared}: a hardship factor above threshold declared by an
 * employer for a year. {@code quantity} is in the factor's own unit ({@code unit}: NIGHTS, HOURS,
 * INTERVENTIONS or PEAKS); {@code months} is the exposed period in the year (12 = whole year).
 *
 * <p>Added after the first version (absent from older events, so null there): {@code period}, the
 * declaration's month (YYYY-MM), which with {@code siret} names what a later version replaces; and
 * {@code allFactors}, every factor this declaration declares for the holder, this one included. A
 * correction of an assessed year is judged on the year's points before and after the whole version
 * (L4163-16): with the set in hand a consumer replaces the previous version's factors in one step,
 * instead of judging each factor, and each withdrawal, on a state that is neither version.
 */
public record ExposureDeclared(
        UUID holderId,
        UUID declarationId,
        int version,
        String siret,
        int year,
        String factor,
        long quantity,
        String unit,
        int months,
        String period,
        List<DeclaredFactor> allFactors) {
    public static final String TYPE = "ExposureDeclared";

    /** One factor of the declaration, as in the event's own fields. */
    public record DeclaredFactor(String factor, long quantity, String unit, int months) {
    }
}
