package fr.cpa.platform.contract;

import fr.cpa.platform.money.Money;

import java.util.UUID;

/**
 * {@code cpa.cec.v1} / {@code CecCredited}: a year's civic-engagement credit for one activity
 * category: {@code amount} from 2019, {@code minutes} for 2017–2018; totals after the credit.
 */
public record CecCredited(UUID holderId, UUID creditId, int year, String activity, Money amount, Long minutes,
                          Money totalAfter, Long totalMinutesAfter) {
    public static final String TYPE = "CecCredited";
}
