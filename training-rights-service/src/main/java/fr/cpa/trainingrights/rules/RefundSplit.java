package fr.cpa.trainingrights.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static fr.cpa.trainingrights.rules.Amounts.euros;

/**
 * Where money paid back by a training organisation goes (the real system's "remboursement"): to the
 * pots it was captured from, never more than each gave. A full refund gives every pot back what it
 * paid; a partial one is taken in the reverse of the spending order (DOMAIN.md "Order of spending"):
 * had the training cost that much less, the last pots spent would not have been touched, so they are
 * made whole first (earmarked and regional top-ups before CEC money, CEC before ordinary rights).
 */
public final class RefundSplit {

    /** What a pot paid for the enrolment and what it already got back. */
    public record Captured(String pot, long capturedCents, long refundedCents) {
        public long refundable() {
            return Math.max(0, capturedCents - refundedCents);
        }
    }

    /** Cents back per pot (in the order they are given back) and why. */
    public record Result(Map<String, Long> byPot, long totalCents, Explanation explanation) {
        public Result {
            byPot = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(byPot));
        }
    }

    private RefundSplit() {
    }

    public static long refundable(List<Captured> pots) {
        return pots.stream().mapToLong(Captured::refundable).sum();
    }

    /**
     * @param capturedInSpendingOrder the enrolment's pots in the order they were spent
     * @param amountCents             what is paid back; at most {@link #refundable(List)}
     */
    public static Result split(List<Captured> capturedInSpendingOrder, long amountCents) {
        long refundable = refundable(capturedInSpendingOrder);
        if (amountCents <= 0 || amountCents > refundable) {
            throw new IllegalArgumentException("a refund is between 1 cent and the " + refundable + " cents captured and not yet refunded");
        }
        ExplanationBuilder x = new ExplanationBuilder("REFUND", "L6323-6; Mon Compte Formation terms: the organisation pays back rights not used");
        x.input("refund", euros(amountCents)).input("refundableBefore", euros(refundable));
        List<Captured> reverse = new ArrayList<>(capturedInSpendingOrder);
        java.util.Collections.reverse(reverse);
        Map<String, Long> byPot = new LinkedHashMap<>();
        long left = amountCents;
        for (Captured c : reverse) {
            long back = Math.min(left, c.refundable());
            if (back > 0) {
                byPot.put(c.pot(), back);
                x.step(c.pot() + ": " + euros(back) + " back of " + euros(c.capturedCents()) + " captured"
                        + (c.refundedCents() > 0 ? " (" + euros(c.refundedCents()) + " already refunded)" : ""));
                left -= back;
            }
        }
        return new Result(byPot, amountCents, x.result(euros(amountCents) + " back to the pots it was paid from"
                + (amountCents == refundable ? " (all of it)" : ", the last spent first")));
    }
}
