package fr.cpa.platform.contract;

import java.util.UUID;

/** {@code cpa.exposure.v1} / {@code ExposureWithdrawn}: a replaced declaration's exposure no longer counts. */
public record ExposureWithdrawn(UUID holderId, UUID declarationId, int year, String factor) {
    public static final String TYPE = "ExposureWithdrawn";
}
