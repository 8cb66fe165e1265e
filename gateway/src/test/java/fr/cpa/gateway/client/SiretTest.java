package fr.cpa.gateway.client;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The cases of platform's SiretTest: the gateway must accept exactly the SIRETs account-service accepts. */
class SiretTest {

    @Test
    void realSiretsPass() {
        assertTrue(Siret.isValid("78959578200051"));
        assertTrue(Siret.isValid("73282932000074"));
        assertTrue(Siret.isValid("55208131766522"));
    }

    @Test
    void oneChangedDigitBreaksTheLuhnChecksum() {
        assertFalse(Siret.isValid("78959578200052"));
        assertFalse(Siret.isValid("73282932000075"));
        assertFalse(Siret.isValid("73282932000047"));
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
        assertTrue(Siret.isValid("35600000049837")); // digit sum 45, Luhn sum not 0 mod 10
        assertFalse(Siret.isValid("35600000049838"));
        assertTrue(Siret.isValid("35600000000048")); // the head office passes by Luhn
        assertFalse(Siret.isValid("35600000149836")); // digit sum 45 but not La Poste's SIREN
    }
}
