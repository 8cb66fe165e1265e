package fr.cpa.platform.contract;

import fr.cpa.platform.money.Money;

import java.util.UUID;

/**
 * {@code cpa.cpf.v1} / {@code CpfDebited} (a hold captured: money spent on a training) and
 * {@code CpfHoldChanged} (money held for, or released from, an enrolment).
 */
public record CpfMovement(UUID holderId, UUID entryId, UUID enrolmentId, Money amount, CpfBalances balancesAfter) {
    public static final String DEBITED = "CpfDebited";
    public static final String HOLD_CHANGED = "CpfHoldChanged";
}
