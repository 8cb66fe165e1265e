package fr.cpa.hardship.rules;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** DOMAIN.md §2 "Scope": corrections until April of the next year, or 3 years in the employee's favour. */
class CorrectionRuleTest {

    @Test
    void aCorrectionAgainstTheEmployeeIsAcceptedUntilThirtiethAprilOfTheNextYear() {
        assertTrue(CorrectionRule.decide(2024, 8, 4, LocalDate.of(2025, 4, 30)).accepted());
        var late = CorrectionRule.decide(2024, 8, 4, LocalDate.of(2025, 5, 1));
        assertFalse(late.accepted());
        assertTrue(late.reason().contains("2025-04-30"), late.reason());
    }

    @Test
    void aCorrectionInTheEmployeesFavourIsAcceptedForThreeYears() {
        assertTrue(CorrectionRule.decide(2024, 4, 8, LocalDate.of(2025, 5, 1)).accepted());
        assertTrue(CorrectionRule.decide(2024, 4, 8, LocalDate.of(2027, 12, 31)).accepted());
        assertFalse(CorrectionRule.decide(2024, 4, 8, LocalDate.of(2028, 1, 1)).accepted());
    }

    @Test
    void aFirstAssessmentOrAnUnchangedResultIsNoCorrection() {
        assertTrue(CorrectionRule.decide(2020, null, 4, LocalDate.of(2026, 1, 5)).accepted());
        assertTrue(CorrectionRule.decide(2020, 4, 4, LocalDate.of(2026, 1, 5)).accepted());
    }
}
