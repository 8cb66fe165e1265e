package fr.cpa.civic.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The credit a qualifying category earns for a year, cut at the cap (L5151-11, D5151-14): 20 h per
 * category, cap 60 h, for 2017–2018; 240 € per category, cap 720 €, from 2019. In the euro era the
 * hours still on the account count toward the cap at their converted value.
 */
public final class CreditRule {

    private CreditRule() {
    }

    /** Empty when the CEC did not exist in {@code year}. */
    public static Optional<Credit> credit(int year, ActivityKind kind, CecTotals before, CecParameters parameters) {
        YearlyCredit rule = parameters.credit(year);
        if (rule == null) {
            return Optional.empty();
        }
        List<String> why = new ArrayList<>();
        if (rule.unit() == YearlyCredit.Unit.CENTS && before.minutes() > 0) {
            why.add(year + ": the " + Amounts.hours(before.minutes()) + " earned in 2017–2018 count as "
                    + Amounts.euros(before.minutes() * parameters.centsPerConvertedHour() / 60) + " toward the cap");
        }
        if (rule.unit() == YearlyCredit.Unit.MINUTES && before.cents() > 0) {
            why.add(year + ": the " + Amounts.euros(before.cents()) + " earned from 2019 count as "
                    + Amounts.hours(centsAsMinutes(before.cents(), parameters)) + " toward the cap");
        }
        long room = roomLeft(year, before, parameters);
        long value = Math.min(rule.perCategory(), room);
        why.add(year + ": " + kind.label() + " earns " + rule.format(rule.perCategory())
                + " for the year (cap " + rule.format(rule.cap()) + ")");
        if (value < rule.perCategory()) {
            why.add(year + ": " + (value == 0 ? "nothing credited, the cap of " + rule.format(rule.cap()) + " is reached"
                    : "cut to " + rule.format(value) + " to reach the cap of " + rule.format(rule.cap())));
        }
        return Optional.of(new Credit(year, kind, rule.unit(), value, before.plus(rule.unit(), value), why));
    }

    /** What the account may still receive under the cap in force for {@code year} (in that year's unit). */
    public static long roomLeft(int year, CecTotals totals, CecParameters parameters) {
        YearlyCredit rule = parameters.credit(year);
        if (rule == null) {
            return 0;
        }
        // One cap over both eras: a 2017–2018 year declared after euro years counts them too (a batch of a
        // responsible body may come years late), else hours could be added on top of a full 720 €.
        long used = rule.unit() == YearlyCredit.Unit.MINUTES ? totals.minutes() + centsAsMinutes(totals.cents(), parameters)
                : totals.cents() + totals.minutes() * parameters.centsPerConvertedHour() / 60;
        return Math.max(0, rule.cap() - used);
    }

    /** Euros as the hours they stand for at the conversion rate, rounded up: the cap is never passed. */
    private static long centsAsMinutes(long cents, CecParameters parameters) {
        long rate = parameters.centsPerConvertedHour();
        return (cents * 60 + rate - 1) / rate;
    }
}
