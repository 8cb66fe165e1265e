package fr.cpa.platform.contract;

import fr.cpa.platform.money.Money;

import java.util.UUID;

/** {@code cpa.funding.v1} / {@code FundsCaptured} (the hold spent) and {@code FundsReleased} (given back). */
public record FundsSettled(UUID enrolmentId, UUID holderId, Money amount) {
    public static final String CAPTURED = "FundsCaptured";
    public static final String RELEASED = "FundsReleased";
}
