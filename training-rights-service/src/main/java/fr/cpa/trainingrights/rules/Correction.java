package fr.cpa.trainingrights.rules;

import java.util.List;

import static fr.cpa.trainingrights.rules.Amounts.euros;
import static fr.cpa.trainingrights.rules.Amounts.hours;

/**
 * A year's credit recomputed after a late or corrected declaration (or its withdrawal) reached a year
 * the acquisition run had already credited: the correcting entry is the difference between the new
 * computation and what the year already gave (its acquisition plus earlier corrections), positive or
 * negative, and its explanation cites both computations. A negative difference takes back only what
 * is still available in the pot (money already spent or held for a training stays spent); the rest is
 * said, not hidden.
 */
public final class Correction {

    /** What the year gave so far: ordinary cents, civil-servant minutes, and the last computation's result. */
    public record Previous(long cents, long minutes, String computation) {
    }

    /** The signed changes to append, what could not be taken back, and why. */
    public record Result(long centsDelta, long minutesDelta, long centsNotRecovered, long minutesNotRecovered,
                         Explanation explanation) {
        public boolean changesNothing() {
            return centsDelta == 0 && minutesDelta == 0;
        }
    }

    private Correction() {
    }

    /**
     * @param now              the year's credit computed again on today's facts, from the balances before the year's credit
     * @param availableCents   ordinary money not held, that a negative correction may take back
     * @param availableMinutes civil-servant minutes that a negative correction may take back
     */
    public static Result of(Previous previous, YearlyCredit now, long availableCents, long availableMinutes, String trigger) {
        long newCents = now.pot() == YearlyCredit.Pot.ORDINARY ? now.cents() : 0;
        long newMinutes = now.pot() == YearlyCredit.Pot.CIVIL_SERVANT_HOURS ? now.minutes() : 0;
        ExplanationBuilder x = new ExplanationBuilder("ACQUISITION_CORRECTION",
                "L6323-11, R6323-1 (credit on the declared activity of the year)");
        x.input("year", now.year()).input("trigger", trigger)
                .input("previousCredit", euros(previous.cents()) + (previous.minutes() == 0 ? "" : " + " + hours(previous.minutes())))
                .input("newCredit", euros(newCents) + (newMinutes == 0 ? "" : " + " + hours(newMinutes)));
        x.step("previous computation: " + previous.computation());
        x.step("new computation: " + now.explanation().stream().map(Explanation::result).reduce((a, b) -> a + "; " + b).orElse("nothing due"));
        long cents = newCents - previous.cents();
        long minutes = newMinutes - previous.minutes();
        x.step("difference: " + euros(newCents) + " − " + euros(previous.cents()) + " = " + euros(cents)
                + (minutes == 0 && previous.minutes() == 0 ? "" : "; " + hours(newMinutes) + " − " + hours(previous.minutes()) + " = " + hours(minutes)));
        long centsLost = 0;
        long minutesLost = 0;
        if (cents < 0 && -cents > Math.max(0, availableCents)) {
            centsLost = -cents - Math.max(0, availableCents);
            cents = -Math.max(0, availableCents);
            x.step("only " + euros(-cents) + " is still available (the rest is spent or held): " + euros(centsLost) + " is not taken back");
        }
        if (minutes < 0 && -minutes > Math.max(0, availableMinutes)) {
            minutesLost = -minutes - Math.max(0, availableMinutes);
            minutes = -Math.max(0, availableMinutes);
            x.step("only " + hours(-minutes) + " is still available: " + hours(minutesLost) + " is not taken back");
        }
        String result = cents == 0 && minutes == 0 ? "no change"
                : (cents != 0 ? (cents > 0 ? "credit " : "take back ") + euros(Math.abs(cents)) : "")
                + (cents != 0 && minutes != 0 ? " and " : "")
                + (minutes != 0 ? (minutes > 0 ? "credit " : "take back ") + hours(Math.abs(minutes)) : "");
        return new Result(cents, minutes, centsLost, minutesLost, x.result(result));
    }

    /** The explanations stored with a correcting entry: the correction, then the new computation in full. */
    public static List<Explanation> explanation(Result result, YearlyCredit now) {
        java.util.List<Explanation> all = new java.util.ArrayList<>();
        all.add(result.explanation());
        all.addAll(now.explanation());
        return all;
    }
}
