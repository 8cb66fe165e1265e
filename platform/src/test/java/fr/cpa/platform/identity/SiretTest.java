package fr.cpa.platform.identity;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** DOMAIN.md §5: SIRET is 14 digits with a Luhn checksum, except La Poste (SIREN 356000000). */
class SiretTest {

    @Test
    void realSiretsOfTheOpenDataSamplePass() {
        assertTrue(Siret.isValid("78959578200051"));
        assertTrue(Siret.isValid("73282932000074"));
    }

    @Test
    void oneChangedDigitBreaksTheLuhnChecksum() {
        assertFalse(Siret.isValid("78959578200052"));
        assertFalse(Siret.isValid("73282932000075"));
    }

    @Test
    void wrongLengthOrNonDigitsAreRefused() {
        assertFalse(Siret.isValid(null));
        assertFalse(Siret.isValid("7328293200007"));
        assertFalse(Siret.isValid("732829320000740"));
        assertFalse(Siret.isValid("7328293200007A"));
    }

    @Test
    void laPosteEstablishmentsUseTheDigitSumRule() {
        // 35600000049837: digit sum 3+5+6+4+9+8+3+7 = 45, a multiple of 5, while its Luhn sum is not 0 mod 10
        assertFalse(Siret.luhn("35600000049837"));
        assertTrue(Siret.isValid("35600000049837"));
        // digit sum 46: refused
        assertFalse(Siret.isValid("35600000049838"));
    }

    @Test
    void laPosteHeadOfficePassesByLuhn() {
        assertTrue(Siret.luhn("35600000000048"));
        assertTrue(Siret.isValid("35600000000048"));
    }

    @Test
    void theDigitSumRuleIsOnlyForLaPoste() {
        // digit sum 45 but another SIREN and a bad Luhn sum
        String other = "35600000149836";
        assertFalse(Siret.luhn(other));
        assertFalse(Siret.isValid(other));
    }

    @Test
    void checkDigitCompletesALuhnNumber() {
        int d = Siret.luhnCheckDigit("7328293200007");
        assertEquals(4, d);
    }
}
