package fr.cpa.platform.contract;

import java.util.List;
import java.util.UUID;

/** {@code cpa.c2p.v1} / {@code C2pPointsAwarded}: a year's hardship points, with why. */
public record C2pPointsAwarded(UUID holderId, int year, int points, int totalAfter, List<String> explanation) {
    public static final String TYPE = "C2pPointsAwarded";
}
