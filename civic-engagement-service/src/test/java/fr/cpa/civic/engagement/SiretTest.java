package fr.cpa.civic.engagement;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** DOMAIN.md §5: 14 digits, Luhn checksum; La Poste (SIREN 356000000) by digit sum. */
class SiretTest {

    @Test
    void aSiretWithAValidLuhnChecksumPasses() {
        assertTrue(Siret.isValid("73282932000074"));
    }

    @Test
    void oneDigitOffFailsTheChecksum() {
        assertFalse(Siret.isValid("73282932000075"));
    }

    @Test
    void onlyFourteenDigitsAreASiret() {
        assertFalse(Siret.isValid("7328293200007"));
        assertFalse(Siret.isValid("732829320000740"));
        assertFalse(Siret.isValid("7328293200007A"));
    }

    @Test
    void laPosteEstablishmentsUseTheDigitSumRule() {
        // Digit sums: ...051 → 20, a multiple of 5; ...039 → 26, not one. The head office ...048 passes Luhn.
        assertTrue(Siret.isValid("35600000000051"));
        assertFalse(Siret.isValid("35600000000039"));
        assertTrue(Siret.isValid("35600000000048"));
    }
}
