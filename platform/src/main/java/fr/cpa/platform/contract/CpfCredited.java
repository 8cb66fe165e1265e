package fr.cpa.platform.contract;

import fr.cpa.platform.money.Money;

import java.util.UUID;

/**
 * {@code cpa.cpf.v1} / {@code CpfCredited}: a credit landed on the CPF. {@code kind} is ACQUISITION,
 * CONVERSION, TOP_UP, CEC, C2P, RELEASE, REFUND or CORRECTION (a year's credit recomputed after a
 * late or corrected declaration: negative when money is taken back); {@code amount} in cents or
 * {@code minutes} for hours-era and civil-servant credits; {@code year} the year of activity it
 * rewards, if any.
 */
public record CpfCredited(UUID holderId, UUID entryId, String kind, Money amount, Long minutes, Integer year,
                          CpfBalances balancesAfter) {
    public static final String TYPE = "CpfCredited";
}
