package fr.cpa.trainingrights.rules;

import java.util.List;

/**
 * What the holder did in {@code year}: the activities and the declared situations that change the
 * rates (low-qualified: no level-3 diploma; disabled worker under the employment obligation, OETH).
 */
public record YearFacts(int year, boolean lowQualified, boolean disabledWorker, List<Activity> activities) {
    public YearFacts {
        activities = List.copyOf(activities);
    }
}
