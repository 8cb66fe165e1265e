package fr.cpa.account.declaration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** DOMAIN.md §5: SIRET = 14 digits with a Luhn checksum; La Poste (SIREN 356000000) uses a digit sum. */
class SiretTest {

    @ParameterizedTest
    @ValueSource(strings = {"73282932000074", "44306184100047", "55208131766522"})
    void luhnValidSiretsPass(String siret) {
        assertTrue(Siret.isValid(siret));
    }

    @Test
    void oneDigitOffFailsLuhn() {
        assertFalse(Siret.isValid("73282932000075"));
        assertFalse(Siret.isValid("73282932000073"));
    }

    @Test
    void laPosteEstablishmentsUseADigitSumMultipleOfFive() {
        assertTrue(Siret.isValid("35600000049837"), "digit sum 45, not Luhn");
        assertFalse(Siret.isValid("35600000049838"), "digit sum 46");
        assertTrue(Siret.isValid("35600000000048"), "La Poste's head office fits Luhn");
    }

    @Test
    void theDigitSumRuleIsOnlyLaPostes() {
        // 45 as a digit sum but another SIREN, and not Luhn
        assertFalse(Siret.luhn("12300000049837"));
        assertFalse(Siret.isValid("12300000049837"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "7328293200007", "732829320000744", "7328293200007A", " 73282932000074"})
    void wrongShapesFail(String siret) {
        assertFalse(Siret.isValid(siret));
    }

    @Test
    void nullFails() {
        assertFalse(Siret.isValid(null));
    }
}
