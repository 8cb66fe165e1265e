package fr.cpa.civic.rules;

import java.util.List;

/** A year's credit for one activity category, in minutes or cents, with the totals after it and why. */
public record Credit(int year, ActivityKind kind, YearlyCredit.Unit unit, long value, CecTotals after,
                     List<String> explanation) {

    public Credit {
        explanation = List.copyOf(explanation);
    }
}
