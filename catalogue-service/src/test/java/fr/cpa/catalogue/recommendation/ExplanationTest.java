package fr.cpa.catalogue.recommendation;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ExplanationTest {

    @Test
    void theIssueExampleReadsAsWritten() {
        assertEquals("leads to M1805; costs 1 200 €, you have 1 450 €", Explanation.of(List.of("M1805"), 120_000, 145_000L));
    }

    @Test
    void centsAndLargeAmountsAreFrench() {
        assertEquals("1 200,50 €", Explanation.euros(120_050));
        assertEquals("0,05 €", Explanation.euros(5));
        assertEquals("12 345 678 €", Explanation.euros(1_234_567_800));
        assertEquals("999 €", Explanation.euros(99_900));
    }

    @Test
    void anUnknownBalanceIsNotInvented() {
        assertEquals("leads to M1805, M1806; costs 900 €", Explanation.of(List.of("M1805", "M1806"), 90_000, null));
    }
}
