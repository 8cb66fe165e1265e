package fr.cpa.catalogue.rules;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** DOMAIN.md §1 "Eligible purchases" (L6323-6) and §4 (Qualiopi to sell on the catalogue). */
class CatalogueRulesTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 26);

    @Test
    void certificationsOfTheRegistersWithTheirCodeArePayable() {
        assertTrue(CatalogueRules.cpfEligible(CertificationType.RNCP, "RNCP34001", TODAY));
        assertTrue(CatalogueRules.cpfEligible(CertificationType.RS, "RS6204", TODAY));
        assertTrue(CatalogueRules.cpfEligible(CertificationType.CLEA, null, TODAY));
    }

    @Test
    void aRegisterCertificationWithoutItsCodeIsNotPayable() {
        assertFalse(CatalogueRules.cpfEligible(CertificationType.RNCP, null, TODAY));
        assertFalse(CatalogueRules.cpfEligible(CertificationType.RS, " ", TODAY));
    }

    @Test
    void theOtherEligibleActionsArePayable() {
        for (CertificationType t : new CertificationType[]{CertificationType.VAE, CertificationType.BILAN,
                CertificationType.DRIVING_LICENCE, CertificationType.BUSINESS_CREATION, CertificationType.VOLUNTEER_TRAINING}) {
            assertTrue(CatalogueRules.cpfEligible(t, null, TODAY), t.name());
        }
    }

    @Test
    void otherTrainingsAreListedButNotPayable() {
        assertFalse(CatalogueRules.cpfEligible(CertificationType.OTHER, null, TODAY));
        assertFalse(CatalogueRules.cpfEligible(null, "RNCP34001", TODAY));
    }

    @Test
    void theEuroCatalogueStartsOn1January2019() {
        assertTrue(CatalogueRules.cpfEligible(CertificationType.RS, "RS1", LocalDate.of(2019, 1, 1)));
        assertThrowsNoParameter(LocalDate.of(2018, 12, 31));
    }

    private static void assertThrowsNoParameter(LocalDate day) {
        try {
            CatalogueRules.cpfEligible(CertificationType.RS, "RS1", day);
        } catch (IllegalArgumentException e) {
            return;
        }
        throw new AssertionError("a day before the euro era must have no parameter");
    }

    static final CatalogueRules.Publisher CERTIFIED =
            new CatalogueRules.Publisher(true, "QUALIOPI-2024-0001", LocalDate.of(2027, 3, 31));

    @Test
    void aCertifiedActiveOrganisationMayPublish() {
        assertTrue(CatalogueRules.refusalToPublish(CERTIFIED, TODAY).isEmpty());
    }

    @Test
    void theCertificateIsValidUpToAndIncludingItsExpiryDay() {
        LocalDate expiry = LocalDate.of(2027, 3, 31);
        assertTrue(CatalogueRules.refusalToPublish(CERTIFIED, expiry).isEmpty());
        assertTrue(CatalogueRules.refusalToPublish(CERTIFIED, expiry.plusDays(1)).isPresent());
    }

    @Test
    void noCertificateNoPublication() {
        var none = new CatalogueRules.Publisher(true, null, null);
        assertEquals("the organisation has no Qualiopi certificate (C. trav. L6316-1)",
                CatalogueRules.refusalToPublish(none, TODAY).orElseThrow());
    }

    @Test
    void qualiopiIsRequiredFrom1January2022() {
        var none = new CatalogueRules.Publisher(true, null, null);
        assertTrue(CatalogueRules.refusalToPublish(none, LocalDate.of(2021, 12, 31)).isEmpty());
        assertTrue(CatalogueRules.refusalToPublish(none, LocalDate.of(2022, 1, 1)).isPresent());
    }

    @Test
    void toBePaidTheCertificateMustBeValidThatDayWhateverWhenTheOfferWasPublished() {
        LocalDate expiry = LocalDate.of(2027, 3, 31);
        assertTrue(CatalogueRules.qualiopiRefusal(CERTIFIED, expiry).isEmpty());
        assertEquals("the organisation's Qualiopi certificate expired on 2027-03-31 (C. trav. L6316-1)",
                CatalogueRules.qualiopiRefusal(CERTIFIED, expiry.plusDays(1)).orElseThrow());
        var none = new CatalogueRules.Publisher(true, " ", LocalDate.of(2030, 1, 1));
        assertTrue(CatalogueRules.qualiopiRefusal(none, TODAY).isPresent());
        assertTrue(CatalogueRules.qualiopiRefusal(none, LocalDate.of(2021, 12, 31)).isEmpty());
    }

    @Test
    void aSuspendedOrganisationMayNotPublishEvenCertified() {
        var suspended = new CatalogueRules.Publisher(false, "Q", LocalDate.of(2030, 1, 1));
        assertEquals("the organisation is suspended", CatalogueRules.refusalToPublish(suspended, TODAY).orElseThrow());
    }
}
