package fr.cpa.hardship.rules;

import java.time.LocalDate;

/**
 * Whether a changed declaration may change a year already awarded (L4163-16): against the
 * employee only until 30 April of the next year, in their favour for three years.
 */
public final class CorrectionRule {

    private CorrectionRule() {
    }

    /** {@code accepted}: the new points replace the old; {@code reason}: why, with the deadline. */
    public record Decision(boolean accepted, String reason) {
    }

    /**
     * @param awarded   the year's points awarded so far, null if none yet (a first declaration is no correction)
     * @param corrected the year's points with the correction
     * @param on        the day the employer made the correction
     */
    public static Decision decide(int year, Integer awarded, int corrected, LocalDate on) {
        if (awarded == null) {
            return new Decision(true, "first assessment of " + year);
        }
        if (corrected == awarded) {
            return new Decision(true, "correction of " + on + " leaves " + year + " at " + awarded + " points");
        }
        boolean againstEmployee = corrected < awarded;
        LocalDate deadline = againstEmployee ? C2pParameters.correctionAgainstEmployeeDeadline(year)
                : C2pParameters.correctionInFavourDeadline(year);
        String kind = againstEmployee ? "against the employee" : "in the employee's favour";
        String change = year + ": " + awarded + " → " + corrected + " points";
        if (on.isAfter(deadline)) {
            return new Decision(false, "correction of " + on + " " + kind + " refused (" + change
                    + "): after its deadline " + deadline + " (L4163-16)");
        }
        return new Decision(true, "correction of " + on + " " + kind + " accepted (" + change
                + "), by its deadline " + deadline + " (L4163-16)");
    }
}
