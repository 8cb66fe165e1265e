package fr.cpa.trainingrights.rules;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** DOMAIN.md §1 "Young people without a diploma": 16–25, qualifying training, the region pays the shortfall without cap. */
class YoungWithoutDiplomaTest {

    static final YoungWithoutDiploma RULE = new YoungWithoutDiploma(ParameterTable.LAW);
    static final LocalDate DAY = LocalDate.of(2026, 3, 2);

    @Test
    void theRegionPaysTheWholeShortfallOfAnRncpTrainingWithoutCap() {
        var topUp = RULE.regionalTopUp(DAY, LocalDate.of(2006, 1, 1), true, "RNCP", 1_250_000).orElseThrow();
        assertEquals(1_250_000, topUp.cents());
        assertEquals("region top-up 12500.00 € for this training only", topUp.explanation().result());
        assertEquals("20", topUp.explanation().inputs().get("age"));
    }

    @Test
    void cleaQualifiesAndAnRsCertificationDoesNot() {
        assertTrue(RULE.regionalTopUp(DAY, LocalDate.of(2006, 1, 1), true, "CLEA", 80_000).isPresent());
        assertTrue(RULE.regionalTopUp(DAY, LocalDate.of(2006, 1, 1), true, "RS", 80_000).isEmpty());
        assertTrue(RULE.regionalTopUp(DAY, LocalDate.of(2006, 1, 1), true, "BILAN", 80_000).isEmpty());
    }

    @Test
    void sixteenOnTheBirthdayQualifiesAndTheDayBeforeDoesNot() {
        assertTrue(RULE.regionalTopUp(DAY, DAY.minusYears(16), true, "RNCP", 100).isPresent());
        assertTrue(RULE.regionalTopUp(DAY, DAY.minusYears(16).plusDays(1), true, "RNCP", 100).isEmpty());
    }

    @Test
    void theEveOfThe26thBirthdayQualifiesAndTheBirthdayDoesNot() {
        assertTrue(RULE.regionalTopUp(DAY, DAY.minusYears(26).plusDays(1), true, "RNCP", 100).isPresent());
        assertTrue(RULE.regionalTopUp(DAY, DAY.minusYears(26), true, "RNCP", 100).isEmpty());
    }

    @Test
    void withoutTheStatusOrWithoutShortfallThereIsNoTopUp() {
        assertTrue(RULE.regionalTopUp(DAY, LocalDate.of(2006, 1, 1), false, "RNCP", 100).isEmpty());
        assertTrue(RULE.regionalTopUp(DAY, LocalDate.of(2006, 1, 1), true, "RNCP", 0).isEmpty());
    }
}
