package fr.cpa.civic.rules;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Association volunteering of a year, association by association: only hours in an association
 * registered long enough, as board member or supervisor of volunteers, count toward the 200 h and
 * the 100 h in one association (L5151-9 3°, D5151-15).
 */
public final class AssociationVolunteering {

    /** Hours given to one association in the year, in a role, and the association's registration day. */
    public record AssociationHours(String rna, int hours, AssociationRole role, LocalDate registeredOn) {
    }

    private AssociationVolunteering() {
    }

    /**
     * The age condition is assessed on the last day of the activity year, with the minimum age in
     * force that day (3 years until 14 April 2024, 1 year from 15 April 2024). The law does not say
     * which day counts; the end of the year keeps a year's hours under one rule.
     */
    public static LocalDate ageAssessedOn(int year) {
        return LocalDate.of(year, 12, 31);
    }

    /** Registered at least the minimum number of years before {@code day}, that day included. */
    public static boolean registeredLongEnough(LocalDate registeredOn, LocalDate day, CecParameters parameters) {
        return !registeredOn.isAfter(day.minusYears(parameters.associationMinimumAge(day)));
    }

    /** Adds up the hours that count and assesses them against the year's minimums. */
    public static Eligibility assess(int year, List<AssociationHours> lines, CecParameters parameters) {
        LocalDate day = ageAssessedOn(year);
        int minimumAge = year >= 2017 ? parameters.associationMinimumAge(day) : 0;
        java.util.ArrayList<String> why = new java.util.ArrayList<>();
        int total = 0;
        int maxInOne = 0;
        for (AssociationHours line : lines) {
            if (!line.role().counts()) {
                why.add(year + ": " + line.hours() + " h in association " + line.rna()
                        + " do not count: only board members and supervisors of volunteers earn credit");
            } else if (year >= 2017 && !registeredLongEnough(line.registeredOn(), day, parameters)) {
                why.add(year + ": " + line.hours() + " h in association " + line.rna()
                        + " do not count: registered on " + line.registeredOn() + ", less than " + minimumAge
                        + (minimumAge == 1 ? " year" : " years") + " before " + day);
            } else {
                total += line.hours();
                maxInOne = Math.max(maxInOne, line.hours());
            }
        }
        Eligibility hours = ActivityRules.assess(new Activity(ActivityKind.ASSOCIATION_VOLUNTEERING, Map.of(
                Quantity.HOURS, total, Quantity.MAX_HOURS_IN_ONE_ASSOCIATION, maxInOne)), year, parameters);
        why.addAll(hours.explanation());
        return new Eligibility(ActivityKind.ASSOCIATION_VOLUNTEERING, hours.qualifies(), why);
    }
}
