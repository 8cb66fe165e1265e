package fr.cpa.platform.contract;

import java.time.LocalDate;
import java.util.UUID;

/**
 * {@code cpa.c2p.v1} / {@code C2pPointsUsed}: points taken off the C2P account by a use of any kind
 * (TRAINING, RECONVERSION, PART_TIME, RETIREMENT), with {@code totalAfter} the points left on it
 * (acquired less used, as {@link C2pPointsAwarded#totalAfter()}). Sent for every use because
 * {@link C2pPointsConverted} exists only for the uses worth money on the CPF: a read model that
 * followed conversions alone never saw part-time or retirement take points away. A TRAINING or
 * RECONVERSION use sends both; a consumer keeping a total takes it from this one, absolute, so that
 * the two cannot subtract the same points twice. An addition to EVENTS.md's catalogue; consumers that
 * have no use for it ignore it.
 */
public record C2pPointsUsed(UUID holderId, UUID useId, String use, int points, LocalDate usedOn, int totalAfter) {
    public static final String TYPE = "C2pPointsUsed";
}
