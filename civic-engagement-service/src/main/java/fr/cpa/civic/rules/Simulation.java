package fr.cpa.civic.rules;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Credits several years of activities on an empty CEC, year after year, as the account would:
 * one credit per qualifying category per year, each cut at the cap reached by the years before.
 */
public final class Simulation {

    /** One year's outcome: the credits earned, their sum in the year's unit, and the whole reasoning. */
    public record YearOutcome(int year, YearlyCredit.Unit unit, long value, List<Credit> credits, List<String> explanation) {
    }

    /** Every year's outcome, in year order, and the account's totals at the end. */
    public record Outcome(List<YearOutcome> years, CecTotals total) {
    }

    private Simulation() {
    }

    public static Outcome run(Map<Integer, List<Activity>> activitiesByYear, CecParameters parameters) {
        CecTotals totals = CecTotals.ZERO;
        List<YearOutcome> years = new ArrayList<>();
        for (Map.Entry<Integer, List<Activity>> entry : new TreeMap<>(activitiesByYear).entrySet()) {
            int year = entry.getKey();
            YearlyCredit rule = parameters.credit(year);
            List<String> why = new ArrayList<>();
            List<Credit> credits = new ArrayList<>();
            Set<ActivityKind> credited = EnumSet.noneOf(ActivityKind.class);
            long value = 0;
            for (Activity activity : entry.getValue()) {
                Eligibility eligibility = ActivityRules.assess(activity, year, parameters);
                why.addAll(eligibility.explanation());
                if (!eligibility.qualifies()) {
                    continue;
                }
                if (!credited.add(activity.kind())) {
                    why.add(year + ": " + activity.kind().label()
                            + " is already credited for this year: one credit per category per year");
                    continue;
                }
                Credit credit = CreditRule.credit(year, activity.kind(), totals, parameters).orElseThrow();
                why.addAll(credit.explanation());
                credits.add(credit);
                totals = credit.after();
                value += credit.value();
            }
            years.add(new YearOutcome(year, rule == null ? YearlyCredit.Unit.CENTS : rule.unit(), value, credits, why));
        }
        return new Outcome(years, totals);
    }
}
