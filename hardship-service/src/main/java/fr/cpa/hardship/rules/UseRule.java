package fr.cpa.hardship.rules;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Whether a holder may use points, and what they are worth (L4163-7, R4163-12/13, DOMAIN.md §2).
 * Every refusal lists each reason; an applied use says how its value was found.
 */
public final class UseRule {

    private UseRule() {
    }

    /**
     * The holder's account when a use is asked.
     *
     * @param acquired points acquired over the career
     * @param used     points already used, per use
     */
    public record Account(LocalDate birthDate, int acquired, Map<Use, Integer> used) {
        public int usedFor(Use use) {
            return used.getOrDefault(use, 0);
        }

        public int usedTotal() {
            return used.values().stream().mapToInt(Integer::intValue).sum();
        }

        public int balance() {
            return acquired - usedTotal();
        }

        /** Of the first points reserved for training or reconversion, those not yet spent on them. */
        public int reserved() {
            int quota = C2pParameters.reservedPoints(birthDate);
            int spentOnReserved = usedFor(Use.TRAINING) + usedFor(Use.RECONVERSION);
            return Math.min(balance(), Math.max(0, quota - spentOnReserved));
        }
    }

    /**
     * The outcome: applied with its value ({@code cents} for training/reconversion from 2019,
     * {@code minutes} of CPF before, {@code quarters} for part-time or retirement), or refused.
     */
    public record Outcome(boolean applied, Use use, int points, long cents, long minutes, int quarters,
                          List<String> reasons, List<String> explanation) {
    }

    public static Outcome decide(Use use, int points, Account account, LocalDate on) {
        List<String> refusals = new ArrayList<>();
        List<String> why = new ArrayList<>();
        if (points <= 0) {
            refusals.add("at least one point must be used");
        }
        if (points > account.balance()) {
            refusals.add(points + " points asked, " + account.balance() + " on the account");
        }
        int reserved = account.reserved();
        if (!use.mayUseReserved() && points > account.balance() - reserved) {
            refusals.add(reserved + " of the " + account.balance() + " points are reserved for training or reconversion ("
                    + reservedBand(account.birthDate()) + ": " + C2pParameters.reservedPoints(account.birthDate())
                    + "): at most " + Math.max(0, account.balance() - reserved) + " for " + use);
        }
        long cents = 0;
        long minutes = 0;
        int quarters = 0;
        int age = Period.between(account.birthDate(), on).getYears();
        switch (use) {
            case TRAINING, RECONVERSION -> {
                var rates = use == Use.TRAINING ? C2pParameters.TRAINING_RATES : C2pParameters.RECONVERSION_RATES;
                var rate = C2pParameters.inForce(rates, on);
                if (rate.isEmpty()) {
                    refusals.add(use + " is not a use of C2P points on " + on + " (in force "
                            + rates.get(0).period() + ", " + rates.get(0).source() + ")");
                } else {
                    cents = (long) points * rate.get().value().cents();
                    minutes = (long) points * rate.get().value().minutes();
                    why.add(use + ": " + points + " points × " + (rate.get().value().cents() > 0
                            ? rate.get().value().cents() / 100 + " €" : rate.get().value().minutes() / 60 + " h")
                            + " (rate " + rate.get().period() + ", " + rate.get().source() + ") = "
                            + (cents > 0 ? cents / 100 + " €" : minutes / 60 + " h") + " on the CPF, without co-payment");
                }
            }
            case PART_TIME -> {
                if (points % C2pParameters.PART_TIME_BLOCK != 0) {
                    refusals.add("part-time uses points in blocks of " + C2pParameters.PART_TIME_BLOCK + " (R4163-13)");
                }
                int after = account.usedFor(Use.PART_TIME) + points;
                if (age < C2pParameters.PART_TIME_LIMIT_UNTIL_AGE && after > C2pParameters.PART_TIME_MAX_POINTS_BEFORE_AGE) {
                    refusals.add("at most " + C2pParameters.PART_TIME_MAX_POINTS_BEFORE_AGE + " points for part-time before "
                            + C2pParameters.PART_TIME_LIMIT_UNTIL_AGE + " (age " + age + ", " + account.usedFor(Use.PART_TIME)
                            + " already used, R4163-13)");
                }
                quarters = points / C2pParameters.PART_TIME_POINTS_PER_QUARTER;
                why.add("PART_TIME: " + points + " points / " + C2pParameters.PART_TIME_POINTS_PER_QUARTER
                        + " = " + quarters + " quarter(s) at half time with pay kept (R4163-13)");
            }
            case RETIREMENT -> {
                if (points % C2pParameters.RETIREMENT_POINTS_PER_QUARTER != 0) {
                    refusals.add("retirement uses points in blocks of " + C2pParameters.RETIREMENT_POINTS_PER_QUARTER
                            + " (one quarter each, R4163-13)");
                }
                if (age < C2pParameters.RETIREMENT_FROM_AGE) {
                    refusals.add("retirement quarters from age " + C2pParameters.RETIREMENT_FROM_AGE + " (age " + age
                            + " on " + on + ", R4163-13)");
                }
                int quartersBefore = account.usedFor(Use.RETIREMENT) / C2pParameters.RETIREMENT_POINTS_PER_QUARTER;
                quarters = points / C2pParameters.RETIREMENT_POINTS_PER_QUARTER;
                if (quartersBefore + quarters > C2pParameters.RETIREMENT_MAX_QUARTERS) {
                    refusals.add("at most " + C2pParameters.RETIREMENT_MAX_QUARTERS + " retirement quarters ("
                            + quartersBefore + " already, R4163-13)");
                }
                why.add("RETIREMENT: " + points + " points / " + C2pParameters.RETIREMENT_POINTS_PER_QUARTER
                        + " = " + quarters + " quarter(s) of pension insurance (R4163-13)");
            }
        }
        if (!refusals.isEmpty()) {
            return new Outcome(false, use, points, 0, 0, 0, List.copyOf(refusals), List.of());
        }
        why.add("balance " + account.balance() + " → " + (account.balance() - points) + " points");
        return new Outcome(true, use, points, cents, minutes, quarters, List.of(), List.copyOf(why));
    }

    /** The most points each use could take now: the largest request {@link #decide} would apply. */
    public static Map<Use, Integer> usable(Account account, LocalDate on) {
        Map<Use, Integer> usable = new EnumMap<>(Use.class);
        for (Use use : Use.values()) {
            int best = 0;
            for (int points = account.balance(); points > 0; points--) {
                if (decide(use, points, account, on).applied()) {
                    best = points;
                    break;
                }
            }
            usable.put(use, best);
        }
        return usable;
    }

    private static String reservedBand(LocalDate birthDate) {
        return C2pParameters.inForce(C2pParameters.RESERVED_BY_BIRTH, birthDate).map(Dated::source).orElse("");
    }
}
