package fr.cpa.civic.rules;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import java.util.Map;

/**
 * The CEC's figures with their effective periods (DOMAIN.md §3). The engine picks the row in force
 * on the day it assesses; nothing else in the service writes these numbers.
 *
 * @param minimums                 per activity kind, what the year's quantities must reach (L5151-9, D5151-14 ff.)
 * @param credits                  credit per category and cap, looked up on 1 January of the activity year
 *                                 (L5151-11: 20 h / 60 h until 2018; 240 € / 720 € from 2019, D5151-14)
 * @param associationMinimumAge    years an association must have been registered (declared) for its
 *                                 volunteers' hours to count: 3, then 1 from 15 April 2024 (loi 2024-344)
 * @param centsPerConvertedHour    value of a 2017–2018 CEC hour in the euro cap (décret 2018-1338: 12 €;
 *                                 unverified, keep configurable)
 * @param declarationOpens         first day of year N+1 on which a volunteer may declare year N
 * @param declarationCloses        last day of year N+1 on which a volunteer may declare year N
 * @param validationCloses         last day of year N+1 on which the association may validate year N
 */
public record CecParameters(
        List<Dated<Map<ActivityKind, List<Minimum>>>> minimums,
        List<Dated<YearlyCredit>> credits,
        List<Dated<Integer>> associationMinimumAge,
        long centsPerConvertedHour,
        MonthDay declarationOpens,
        MonthDay declarationCloses,
        MonthDay validationCloses) {

    /** The CEC opened on 1 January 2017 (loi 2016-1088). */
    static final LocalDate CEC_START = LocalDate.of(2017, 1, 1);

    /** The law as it stands. */
    public static final CecParameters LAW = new CecParameters(
            List.of(new Dated<>(CEC_START, null, Map.of(
                    ActivityKind.CIVIC_SERVICE, List.of(new Minimum(Quantity.MONTHS, 6)),
                    ActivityKind.MILITARY_RESERVE, List.of(new Minimum(Quantity.DAYS, 90)),
                    ActivityKind.HEALTH_RESERVE, List.of(new Minimum(Quantity.DAYS, 30)),
                    ActivityKind.APPRENTICESHIP_MASTER, List.of(new Minimum(Quantity.MONTHS, 6)),
                    ActivityKind.ASSOCIATION_VOLUNTEERING, List.of(new Minimum(Quantity.HOURS, 200),
                            new Minimum(Quantity.MAX_HOURS_IN_ONE_ASSOCIATION, 100)),
                    ActivityKind.VOLUNTEER_FIREFIGHTER, List.of(new Minimum(Quantity.ENGAGEMENT_YEARS, 5)),
                    ActivityKind.COMMUNAL_RESERVE, List.of(new Minimum(Quantity.ENGAGEMENT_YEARS, 5)),
                    ActivityKind.POLICE_RESERVE, List.of(new Minimum(Quantity.CONTINUOUS_YEARS, 3),
                            new Minimum(Quantity.DUTIES, 75)),
                    ActivityKind.EDUCATION_RESERVE, List.of(new Minimum(Quantity.INTERVENTIONS, 25)),
                    ActivityKind.CIVIC_RESERVE, List.of(new Minimum(Quantity.HOURS, 200),
                            new Minimum(Quantity.MAX_HOURS_IN_ONE_BODY, 100))))),
            List.of(
                    new Dated<>(CEC_START, LocalDate.of(2018, 12, 31),
                            new YearlyCredit(YearlyCredit.Unit.MINUTES, 20 * 60, 60 * 60)),
                    new Dated<>(LocalDate.of(2019, 1, 1), null,
                            new YearlyCredit(YearlyCredit.Unit.CENTS, 240_00, 720_00))),
            List.of(
                    new Dated<>(CEC_START, LocalDate.of(2024, 4, 14), 3),
                    new Dated<>(LocalDate.of(2024, 4, 15), null, 1)),
            12_00,
            MonthDay.of(1, 1),
            MonthDay.of(6, 30),
            MonthDay.of(12, 31));

    /** The minimums of {@code kind} in force for {@code year}, empty before the CEC existed. */
    public List<Minimum> minimums(ActivityKind kind, int year) {
        return Dated.at(minimums, LocalDate.of(year, 1, 1)).map(table -> table.get(kind)).orElse(List.of());
    }

    /** The yearly credit and cap for {@code year}, or null before the CEC existed. */
    public YearlyCredit credit(int year) {
        return Dated.at(credits, LocalDate.of(year, 1, 1)).orElse(null);
    }

    /** Years of registration an association needs on {@code day}. */
    public int associationMinimumAge(LocalDate day) {
        return Dated.at(associationMinimumAge, day)
                .orElseThrow(() -> new IllegalArgumentException("no association age rule on " + day));
    }

    public LocalDate declarationOpens(int year) {
        return declarationOpens.atYear(year + 1);
    }

    public LocalDate declarationCloses(int year) {
        return declarationCloses.atYear(year + 1);
    }

    public LocalDate validationCloses(int year) {
        return validationCloses.atYear(year + 1);
    }
}
