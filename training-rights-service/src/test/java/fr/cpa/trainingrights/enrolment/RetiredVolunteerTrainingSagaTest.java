package fr.cpa.trainingrights.enrolment;

import fr.cpa.platform.contract.Topics;
import fr.cpa.testing.CpaTestResources;
import fr.cpa.testing.TestEvents;
import fr.cpa.testing.TestKafka;
import fr.cpa.testing.TestTokens;
import fr.cpa.trainingrights.Accounts;
import fr.cpa.trainingrights.ledger.LedgerInvariant;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static fr.cpa.trainingrights.enrolment.EnrolmentSagaTest.awaitCpf;
import static fr.cpa.trainingrights.enrolment.EnrolmentSagaTest.funding;
import static fr.cpa.trainingrights.enrolment.EnrolmentSagaTest.transition;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * DOMAIN.md §1 "Scope" and §3: once the holder has claimed their pension the CPF is closed, except CEC-origin money
 * for volunteer-mission training (L6323-3). Through the events: EnrolmentRequested → FundsReserved / FundsRefused.
 */
@QuarkusTest
@QuarkusTestResource(value = CpaTestResources.class, restrictToAnnotatedClass = false)
class RetiredVolunteerTrainingSagaTest {

    @Inject
    LedgerInvariant invariant;
    @Inject
    EntityManager em;

    @AfterEach
    void ledgerStillAddsUp() {
        LedgerInvariant.Report report = invariant.check();
        assertTrue(report.holds(), report.toString());
    }

    static void cecCredited(UUID holder, long cents) {
        TestKafka.send(Topics.CEC, holder.toString(), TestEvents.envelope(UUID.randomUUID(), "CecCredited", "civic-engagement-service", holder, """
                {"holderId":"%s","creditId":"%s","year":2024,"activity":"ASSOCIATION_VOLUNTEERING","amount":{"amount":%d,"currency":"EUR"},
                 "minutes":null,"totalAfter":{"amount":%d,"currency":"EUR"},"totalMinutesAfter":null}"""
                .formatted(holder, UUID.randomUUID(), cents, cents)));
    }

    static void requested(UUID holder, UUID enrolment, String type, String code, long price) {
        TestKafka.send(Topics.ENROLMENT, holder.toString(), TestEvents.envelope(UUID.randomUUID(), "EnrolmentRequested", "catalogue-service", holder, """
                {"enrolmentId":"%s","holderId":"%s","offerId":"%s","certificationType":"%s","certificationCode":%s,
                 "price":{"amount":%d,"currency":"EUR"},"startDate":"2026-03-02","jobSeeker":false,"employerCoFunding":null}"""
                .formatted(enrolment, holder, UUID.randomUUID(), type, code == null ? "null" : "\"" + code + "\"", price)));
    }

    /**
     * The pension claim. No event carries it yet (nothing in the suite sets {@code cpf_account.closed}), so the test
     * closes the account the way a future consumer would: the flag on the account row.
     */
    void claimsTheirPension(UUID holder) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "update cpf_account set closed = true, version = version + 1 where holder_id = :h")
                .setParameter("h", holder).executeUpdate());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(TestTokens.holder(holder)).when().get("/api/v1/holders/" + holder + "/cpf")
                        .then().statusCode(200).body("closed", equalTo(true)));
    }

    @Test
    void aRetiredHolderBuysVolunteerTrainingWithCecMoneyOnlyAndIsRefusedAnRsTraining() {
        UUID holder = Accounts.open();
        String regionPot = CoFundingSagaTest.topUp(holder, "REGION", 200_000, null); // top-ups are refused once closed
        cecCredited(holder, 24_000);
        awaitCpf(holder, "cec.amount", 24_000);
        claimsTheirPension(holder);

        // 500 € of volunteer-mission training: the 240 € of CEC money, the rest due by the holder; the region's top-up
        // is not touched, and the co-payment of 2026 is due (no exemption applies, see EnrolmentEvents)
        UUID volunteer = UUID.randomUUID();
        requested(holder, volunteer, "VOLUNTEER_TRAINING", null, 50_000);
        String reserved = funding(volunteer, "FundsReserved").value();
        assertTrue(reserved.contains("\"heldByPot\":{\"CEC\":{\"amount\":24000"), reserved);
        assertFalse(reserved.contains(regionPot), reserved);
        assertTrue(reserved.contains("\"remainderDueByHolder\":{\"amount\":26000"), reserved);
        assertTrue(reserved.contains("\"coPayment\":{\"amount\":10320"), reserved);
        awaitCpf(holder, "held.amount", 24_000);

        // any other purchase stays refused, though 2 000 € of top-up are still on the account
        UUID rs = UUID.randomUUID();
        requested(holder, rs, "RS", "RS6204", 80_000);
        String refused = funding(rs, "FundsRefused").value();
        assertTrue(refused.contains("\"reason\":\"ACCOUNT_CLOSED\""), refused);
        awaitCpf(holder, "held.amount", 24_000);
        awaitCpf(holder, "topUps.amount", 200_000);

        // the training starts: the CEC money is spent from the closed account
        transition(holder, volunteer, "EnrolmentStarted", null);
        assertTrue(funding(volunteer, "FundsCaptured").value().contains("\"amount\":24000"));
        awaitCpf(holder, "held.amount", 0);
        awaitCpf(holder, "cec.amount", 0);
    }
}
