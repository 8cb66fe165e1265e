package fr.cpa.platform.contract;

import java.util.UUID;

/**
 * {@code cpa.exposure.v1} / {@code ExposureDeclared}: a hardship factor above threshold declared by an
 * employer for a year. {@code quantity} is in the factor's own unit ({@code unit}: NIGHTS, HOURS,
 * INTERVENTIONS or PEAKS); {@code months} is the exposed period in the year (12 = whole year).
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
        int months) {
    public static final String TYPE = "ExposureDeclared";
}
