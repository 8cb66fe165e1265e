package fr.cpa.trainingrights.rules;

import java.util.List;

/**
 * The statutory credit for one year: in cents (euros era) or minutes (hours era, civil servants),
 * the category that gave it (the most favourable), whether the cap is reached, and why.
 */
public record YearlyCredit(int year, String category, Pot pot, long cents, long minutes, boolean capReached,
                           List<Explanation> explanation) {

    /** Where the credit lands. */
    public enum Pot { ORDINARY, HOURS_ERA, CIVIL_SERVANT_HOURS, NONE }

    public YearlyCredit {
        explanation = List.copyOf(explanation);
    }
}
