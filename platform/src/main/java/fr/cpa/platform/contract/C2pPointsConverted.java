package fr.cpa.platform.contract;

import fr.cpa.platform.money.Money;

import java.util.UUID;

/**
 * {@code cpa.c2p.v1} / {@code C2pPointsConverted}: points used for TRAINING or RECONVERSION, worth
 * {@code amount}; training-rights credits it to the CPF (no co-payment on what it pays for).
 */
public record C2pPointsConverted(UUID holderId, UUID useId, String use, int points, Money amount) {
    public static final String TYPE = "C2pPointsConverted";
}
