package fr.cpa.platform.contract;

import java.util.UUID;

/**
 * {@code cpa.funding.v1} / {@code FundsRefused}: no hold was placed; {@code reason} is a stable code
 * (INSUFFICIENT_RIGHTS, ACCOUNT_CLOSED, INELIGIBLE_ACTION…) and {@code detail} says it to the holder.
 */
public record FundsRefused(UUID enrolmentId, UUID holderId, String reason, String detail) {
    public static final String TYPE = "FundsRefused";
}
