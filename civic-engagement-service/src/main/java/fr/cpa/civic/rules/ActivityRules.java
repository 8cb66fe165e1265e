package fr.cpa.civic.rules;

import java.util.ArrayList;
import java.util.List;

/** Does an activity of a year reach the minimums in force (L5151-9, DOMAIN.md §3)? */
public final class ActivityRules {

    private ActivityRules() {
    }

    public static Eligibility assess(Activity activity, int year, CecParameters parameters) {
        ActivityKind kind = activity.kind();
        List<String> why = new ArrayList<>();
        List<Minimum> minimums = parameters.minimums(kind, year);
        if (minimums.isEmpty()) {
            why.add(year + ": " + kind.label() + " earns nothing, the CEC starts with the year "
                    + CecParameters.CEC_START.getYear());
            return new Eligibility(kind, false, why);
        }
        boolean qualifies = true;
        for (Minimum minimum : minimums) {
            int value = activity.get(minimum.quantity());
            boolean reached = value >= minimum.value();
            qualifies &= reached;
            why.add(year + ": " + kind.label() + ", " + value + " " + minimum.quantity().unit()
                    + (reached ? " reaches " : " is below ") + "the minimum of " + minimum.value() + " "
                    + minimum.quantity().unit() + " (counted over " + kind.window() + ")");
        }
        why.add(year + ": " + kind.label() + (qualifies ? " qualifies for the yearly credit"
                : " does not qualify for the yearly credit"));
        return new Eligibility(kind, qualifies, why);
    }
}
