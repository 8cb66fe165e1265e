package fr.cpa.platform.contract;

import fr.cpa.platform.money.Money;

import java.util.Map;
import java.util.UUID;

/**
 * {@code cpa.funding.v1} / {@code FundsReserved}: training-rights holds the money for an enrolment.
 * {@code heldByPot} names each pot (ORDINARY, CEC, TOP_UP:&lt;id&gt;…) with what it holds; the holder
 * pays {@code remainderDueByHolder} and the co-payment (participation forfaitaire) outside the CPF.
 */
public record FundsReserved(UUID enrolmentId, UUID holderId, Map<String, Money> heldByPot,
                            Money remainderDueByHolder, Money coPayment) {
    public static final String TYPE = "FundsReserved";
}
