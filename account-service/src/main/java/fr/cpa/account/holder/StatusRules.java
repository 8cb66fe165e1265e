package fr.cpa.account.holder;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Rules of a holder's dated situations, in plain Java. Different situations may overlap; two periods
 * of the same situation may not (one would double the other).
 */
final class StatusRules {

    /** A period of a situation; {@code to} inclusive, null while it lasts. */
    record Period(UUID id, Situation status, String category, LocalDate from, LocalDate to) {

        boolean overlaps(LocalDate otherFrom, LocalDate otherTo) {
            return (to == null || !otherFrom.isAfter(to)) && (otherTo == null || !from.isAfter(otherTo));
        }
    }

    /** A broken rule, named by the request field it concerns. */
    record Violation(String field, String message) {
    }

    private StatusRules() {
    }

    /** Checks a new period of {@code status} against the holder's birth date and existing periods. */
    static List<Violation> checkNew(Situation status, String category, LocalDate from, LocalDate to,
                                    LocalDate birthDate, List<Period> existing) {
        List<Violation> violations = new ArrayList<>();
        if (status == Situation.CIVIL_SERVANT) {
            if (category == null || !HolderParameters.civilServantCategories(from).contains(category)) {
                violations.add(new Violation("category", "a civil servant has a category: one of "
                        + String.join(", ", HolderParameters.civilServantCategories(from).stream().sorted().toList())));
            }
        } else if (category != null) {
            violations.add(new Violation("category", "only a civil servant has a category"));
        }
        violations.addAll(checkDates(status, from, to, birthDate));
        if (violations.isEmpty()) {
            existing.stream()
                    .filter(p -> p.status() == status && p.overlaps(from, to))
                    .findFirst()
                    .ifPresent(p -> violations.add(new Violation("from", "overlaps the " + status + " period from "
                            + p.from() + (p.to() == null ? " (still open)" : " to " + p.to()))));
        }
        return violations;
    }

    /** Checks setting the end of {@code period} to {@code to}. */
    static List<Violation> checkEnd(Period period, LocalDate to, LocalDate birthDate, List<Period> existing) {
        if (to == null) {
            return List.of(new Violation("to", "must be given"));
        }
        List<Violation> violations = new ArrayList<>(checkDates(period.status(), period.from(), to, birthDate));
        if (violations.isEmpty()) {
            existing.stream()
                    .filter(p -> !p.id().equals(period.id()) && p.status() == period.status()
                            && p.overlaps(period.from(), to))
                    .findFirst()
                    .ifPresent(p -> violations.add(new Violation("to", "would overlap the " + p.status()
                            + " period from " + p.from())));
        }
        return violations;
    }

    /**
     * The low-qualified declaration applies from 1 January of the year it is made: the yearly CPF
     * credit of that year already counts it (DOMAIN.md §1, "on the holder's declaration").
     */
    static LocalDate lowQualifiedFrom(LocalDate declaredOn) {
        return declaredOn.withDayOfYear(1);
    }

    /** Whether a low-qualified declaration made on {@code declaredOn} has any effect. */
    static boolean lowQualifiedDeclarationOpen(LocalDate declaredOn) {
        return HolderParameters.lowQualifiedDeclarationOpen(lowQualifiedFrom(declaredOn));
    }

    /**
     * The end of a new period: as given, except that a young person without a diploma given no end stops
     * being one on the eve of the birthday past the age range, so the situation never shows as in force
     * (nor goes out in {@code HolderStatusChanged}) for someone past 25.
     */
    static LocalDate endOf(Situation status, LocalDate from, LocalDate to, LocalDate birthDate) {
        if (to != null || status != Situation.YOUNG_WITHOUT_DIPLOMA || from == null) {
            return to;
        }
        return HolderParameters.youngAges(from).map(ages -> lastYoungDay(birthDate, ages)).orElse(null);
    }

    /** The last day a young person without a diploma keeps that situation: the eve of the birthday past the range. */
    static LocalDate lastYoungDay(LocalDate birthDate, HolderParameters.AgeRange ages) {
        return birthDate.plusYears(ages.max() + 1L).minusDays(1);
    }

    private static List<Violation> checkDates(Situation status, LocalDate from, LocalDate to, LocalDate birthDate) {
        List<Violation> violations = new ArrayList<>();
        if (from.isBefore(HolderParameters.EARLIEST_HISTORY)) {
            violations.add(new Violation("from", "must be on or after " + HolderParameters.EARLIEST_HISTORY));
        }
        if (from.isBefore(birthDate)) {
            violations.add(new Violation("from", "is before the holder's birth date"));
        }
        if (to != null && to.isBefore(from)) {
            violations.add(new Violation("to", "must be on or after from"));
        }
        if (status == Situation.YOUNG_WITHOUT_DIPLOMA) {
            HolderParameters.youngAges(from).ifPresent(ages -> {
                LocalDate firstDay = birthDate.plusYears(ages.min());
                LocalDate lastDay = lastYoungDay(birthDate, ages);
                if (from.isBefore(firstDay) || from.isAfter(lastDay)) {
                    violations.add(new Violation("from", "a young person without a diploma is " + ages.min()
                            + " to " + ages.max() + ": from " + firstDay + " to " + lastDay));
                } else if (to != null && to.isAfter(lastDay)) {
                    violations.add(new Violation("to", "must be on or before " + lastDay + ", the eve of the "
                            + (ages.max() + 1) + "th birthday"));
                }
            });
        }
        return violations;
    }
}
