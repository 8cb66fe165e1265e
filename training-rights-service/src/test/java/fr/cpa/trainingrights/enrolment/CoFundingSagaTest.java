package fr.cpa.trainingrights.enrolment;

import fr.cpa.platform.contract.Topics;
import fr.cpa.testing.CpaTestResources;
import fr.cpa.testing.TestEvents;
import fr.cpa.testing.TestKafka;
import fr.cpa.testing.TestTokens;
import fr.cpa.trainingrights.Accounts;
import fr.cpa.trainingrights.ledger.LedgerInvariant;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static fr.cpa.trainingrights.enrolment.EnrolmentSagaTest.awaitCpf;
import static fr.cpa.trainingrights.enrolment.EnrolmentSagaTest.funding;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * DOMAIN.md §1: the co-payment exemption for "purchases with an employer or OPCO top-up" and the driving licence's
 * "third-party co-funding" come from the top-ups the purchase spends, never from the {@code employerCoFunding} the
 * holder types in their request (informational only).
 */
@QuarkusTest
@QuarkusTestResource(value = CpaTestResources.class, restrictToAnnotatedClass = false)
class CoFundingSagaTest {

    static final String SIRET = "73282932000074";
    static final String EMPLOYER = TestTokens.token("employer", "payroll").siret(SIRET).sign();
    static final String CO_PAYMENT_2026 = "\"coPayment\":{\"amount\":10320";
    static final String NO_CO_PAYMENT = "\"coPayment\":{\"amount\":0";

    @Inject
    LedgerInvariant invariant;

    @AfterEach
    void ledgerStillAddsUp() {
        LedgerInvariant.Report report = invariant.check();
        assertTrue(report.holds(), report.toString());
    }

    /** A top-up by staff for {@code funderType}, optionally earmarked; returns its pot. */
    static String topUp(UUID holder, String funderType, long cents, String earmarkedTo) {
        return topUp(TestTokens.role("admin", "ops"), holder, funderType, cents, earmarkedTo);
    }

    static String topUp(String token, UUID holder, String funderType, long cents, String earmarkedTo) {
        String id = given().auth().oauth2(token).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(ContentType.JSON)
                .body("{\"kind\": \"VOLUNTARY\", \"amount\": {\"amount\": " + cents + ", \"currency\": \"EUR\"}, \"funderType\": \""
                        + funderType + "\"" + (earmarkedTo == null ? "" : ", \"earmarkedTo\": [\"" + earmarkedTo + "\"]") + "}")
                .when().post("/api/v1/holders/" + holder + "/cpf/top-ups").then().statusCode(201).extract().path("id");
        return "TOP_UP:" + id;
    }

    /**
     * An EnrolmentRequested of 2 March 2026 (the driving-licence rule is in force from 26 February), with what the
     * holder declared as co-funding.
     */
    static void requested(UUID holder, UUID enrolment, String type, String code, long price, long declaredCoFunding) {
        TestKafka.send(Topics.ENROLMENT, holder.toString(), TestEvents.envelope(UUID.randomUUID(), "EnrolmentRequested",
                        "catalogue-service", holder, """
                                {"enrolmentId":"%s","holderId":"%s","offerId":"%s","certificationType":"%s","certificationCode":%s,
                                 "price":{"amount":%d,"currency":"EUR"},"startDate":"2026-04-20","jobSeeker":false,
                                 "employerCoFunding":{"amount":%d,"currency":"EUR"}}"""
                                .formatted(enrolment, holder, UUID.randomUUID(), type, code == null ? "null" : "\"" + code + "\"",
                                        price, declaredCoFunding))
                .replace("\"time\":\"2026-01-05T10:00:00Z\"", "\"time\":\"2026-03-02T10:00:00Z\""));
    }

    @Test
    void aCoFundingTheHolderOnlyDeclaresWaivesNoCoPaymentAndPaysNothing() {
        UUID holder = Accounts.open();
        topUp(holder, "REGION", 200_000, null);
        UUID enrolment = UUID.randomUUID();
        requested(holder, enrolment, "RNCP", "RNCP35185", 150_000, 1);
        String reserved = funding(enrolment, "FundsReserved").value();
        assertTrue(reserved.contains(CO_PAYMENT_2026), reserved);
        // the declared cent does not lower what the CPF pays either: 1 500 € held, nothing left for the holder
        assertTrue(reserved.contains("\"remainderDueByHolder\":{\"amount\":0"), reserved);
        awaitCpf(holder, "held.amount", 150_000);
    }

    @Test
    void aCoFundingTheHolderOnlyDeclaresOpensNoDrivingLicence() {
        UUID holder = Accounts.open();
        topUp(holder, "HOLDER", 200_000, null); // the holder's own money is no co-funding either
        UUID enrolment = UUID.randomUUID();
        requested(holder, enrolment, "DRIVING_LICENCE", null, 150_000, 1);
        String refused = funding(enrolment, "FundsRefused").value();
        assertTrue(refused.contains("INELIGIBLE_ACTION"), refused);
        awaitCpf(holder, "held.amount", 0);
    }

    @Test
    void anEmployersEarmarkedTopUpSpentOnThePurchaseWaivesTheCoPayment() {
        UUID holder = Accounts.open();
        Accounts.declaredBy(holder, SIRET);
        // recorded by the employer itself, for its employee, earmarked to the certification bought
        String employerPot = topUp(EMPLOYER, holder, "EMPLOYER", 200_000, "RNCP35185");
        UUID enrolment = UUID.randomUUID();
        requested(holder, enrolment, "RNCP", "RNCP35185", 150_000, 0);
        String reserved = funding(enrolment, "FundsReserved").value();
        assertTrue(reserved.contains("\"" + employerPot + "\":{\"amount\":150000"), reserved);
        assertTrue(reserved.contains(NO_CO_PAYMENT), reserved);
    }

    @Test
    void anEmployersVoluntaryTopUpSpentOnThePurchaseWaivesTheCoPaymentARegionsDoesNot() {
        UUID holder = Accounts.open();
        String regionPot = topUp(holder, "REGION", 50_000, null);
        String employerPot = topUp(holder, "EMPLOYER", 50_000, null);
        UUID both = UUID.randomUUID();
        requested(holder, both, "RNCP", "RNCP35185", 80_000, 0);
        String reserved = funding(both, "FundsReserved").value();
        assertTrue(reserved.contains("\"" + regionPot + "\":{\"amount\":50000") && reserved.contains("\"" + employerPot + "\":{\"amount\":30000"), reserved);
        assertTrue(reserved.contains(NO_CO_PAYMENT), reserved);

        UUID regionOnly = UUID.randomUUID();
        UUID other = Accounts.open();
        topUp(other, "REGION", 50_000, "RNCP35185");
        requested(other, regionOnly, "RNCP", "RNCP35185", 40_000, 0);
        String due = funding(regionOnly, "FundsReserved").value();
        assertTrue(due.contains(CO_PAYMENT_2026), due);
    }

    @Test
    void anEmployerTopUpThePurchaseDoesNotReachWaivesNothing() {
        UUID holder = Accounts.open();
        // 240 € of CEC money is spent before any top-up (DOMAIN.md §1 order of spending)
        TestKafka.send(Topics.CEC, holder.toString(), TestEvents.envelope(UUID.randomUUID(), "CecCredited", "civic-engagement-service", holder, """
                {"holderId":"%s","creditId":"%s","year":2024,"activity":"ASSOCIATION_VOLUNTEERING","amount":{"amount":24000,"currency":"EUR"},
                 "minutes":null,"totalAfter":{"amount":24000,"currency":"EUR"},"totalMinutesAfter":null}""".formatted(holder, UUID.randomUUID())));
        awaitCpf(holder, "cec.amount", 24_000);
        String employerPot = topUp(holder, "EMPLOYER", 100_000, null);
        UUID enrolment = UUID.randomUUID();
        requested(holder, enrolment, "RNCP", "RNCP35185", 20_000, 0);
        String reserved = funding(enrolment, "FundsReserved").value();
        assertFalse(reserved.contains(employerPot), reserved);
        assertTrue(reserved.contains(CO_PAYMENT_2026), reserved);
    }

    @Test
    void aThirdPartyTopUpOpensTheDrivingLicenceAndIsSpentFirstWithinThe900Euros() {
        UUID holder = Accounts.open();
        String own = topUp(holder, "HOLDER", 200_000, null);
        String region = topUp(holder, "REGION", 30_000, null);
        UUID enrolment = UUID.randomUUID();
        requested(holder, enrolment, "DRIVING_LICENCE", null, 150_000, 0);
        String reserved = funding(enrolment, "FundsReserved").value();
        // the region's 300 € first, then 600 € of the holder's: 900 € of CPF money; 600 € left to pay
        assertTrue(reserved.contains("\"heldByPot\":{\"" + region + "\":{\"amount\":30000"), reserved);
        assertTrue(reserved.contains("\"" + own + "\":{\"amount\":60000"), reserved);
        assertTrue(reserved.contains("\"remainderDueByHolder\":{\"amount\":60000"), reserved);
        // a third party, but not an employer or OPCO: the co-payment stays due
        assertTrue(reserved.contains(CO_PAYMENT_2026), reserved);
        awaitCpf(holder, "held.amount", 90_000);
    }
}
