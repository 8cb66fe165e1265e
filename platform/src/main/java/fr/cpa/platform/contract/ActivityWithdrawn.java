package fr.cpa.platform.contract;

import java.util.UUID;

/**
 * {@code cpa.activity.v1} / {@code ActivityWithdrawn}: a replaced (or cancelled) declaration's figures
 * for this holder and month no longer count.
 */
public record ActivityWithdrawn(UUID holderId, UUID declarationId, String period) {
    public static final String TYPE = "ActivityWithdrawn";
}
