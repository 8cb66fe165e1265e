package fr.cpa.trainingrights.rules;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Where an organisation's refund goes: the pots it was captured from, the last spent first. */
class RefundSplitTest {

    static final List<RefundSplit.Captured> SPENT = List.of(
            new RefundSplit.Captured("ORDINARY", 100_000, 0),
            new RefundSplit.Captured("CEC", 20_000, 0),
            new RefundSplit.Captured("TOP_UP:a", 30_000, 0));

    @Test
    void aFullRefundGivesEachPotBackWhatItPaid() {
        RefundSplit.Result r = RefundSplit.split(SPENT, 150_000);
        assertEquals(Map.of("ORDINARY", 100_000L, "CEC", 20_000L, "TOP_UP:a", 30_000L), r.byPot());
        assertTrue(r.explanation().result().contains("(all of it)"), r.explanation().result());
    }

    @Test
    void aPartialRefundMakesTheLastSpentPotsWholeFirst() {
        RefundSplit.Result r = RefundSplit.split(SPENT, 40_000);
        assertEquals(List.of("TOP_UP:a", "CEC"), List.copyOf(r.byPot().keySet()));
        assertEquals(30_000L, r.byPot().get("TOP_UP:a"));
        assertEquals(10_000L, r.byPot().get("CEC"));
        assertEquals("TOP_UP:a: 300.00 € back of 300.00 € captured", r.explanation().arithmetic().get(0));
    }

    @Test
    void whatWasAlreadyRefundedIsNotRefundedAgain() {
        List<RefundSplit.Captured> half = List.of(new RefundSplit.Captured("ORDINARY", 100_000, 0),
                new RefundSplit.Captured("TOP_UP:a", 30_000, 30_000));
        assertEquals(100_000, RefundSplit.refundable(half));
        assertEquals(Map.of("ORDINARY", 100_000L), RefundSplit.split(half, 100_000).byPot());
    }

    @Test
    void oneCentMoreThanRefundableIsRefusedAndTheExactAmountIsNot() {
        assertEquals(150_000, RefundSplit.split(SPENT, 150_000).totalCents());
        assertThrows(IllegalArgumentException.class, () -> RefundSplit.split(SPENT, 150_001));
        assertThrows(IllegalArgumentException.class, () -> RefundSplit.split(SPENT, 0));
        assertEquals(1, RefundSplit.split(SPENT, 1).totalCents());
    }
}
