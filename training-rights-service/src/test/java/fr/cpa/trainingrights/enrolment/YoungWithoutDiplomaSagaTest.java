package fr.cpa.trainingrights.enrolment;

import fr.cpa.platform.contract.Topics;
import fr.cpa.testing.CpaTestResources;
import fr.cpa.testing.TestEvents;
import fr.cpa.testing.TestKafka;
import fr.cpa.testing.TestTokens;
import fr.cpa.trainingrights.ledger.LedgerInvariant;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import static fr.cpa.trainingrights.enrolment.EnrolmentSagaTest.awaitCpf;
import static fr.cpa.trainingrights.enrolment.EnrolmentSagaTest.funding;
import static fr.cpa.trainingrights.enrolment.EnrolmentSagaTest.topUp;
import static fr.cpa.trainingrights.enrolment.EnrolmentSagaTest.transition;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A young person without a diploma (status from account-service) buying a qualifying training: the region's
 * top-up covers the shortfall in its own pot, is held, captured, and withdrawn if the money comes back.
 * Events are dated 2026-01-05 (TestEvents): a person born on 1 January 2006 is 20.
 */
@QuarkusTest
@QuarkusTestResource(value = CpaTestResources.class, restrictToAnnotatedClass = false)
class YoungWithoutDiplomaSagaTest {

    @Inject
    LedgerInvariant invariant;
    @Inject
    EntityManager em;

    @AfterEach
    void ledgerStillAddsUp() {
        LedgerInvariant.Report report = invariant.check();
        assertTrue(report.holds(), report.toString());
    }

    long count(String where, UUID holder) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from " + where).setParameter("h", holder).getSingleResult()).longValue());
    }

    UUID young() {
        UUID holder = UUID.randomUUID();
        TestKafka.send(Topics.HOLDER, holder.toString(), TestEvents.holderRegistered(UUID.randomUUID(), holder, LocalDate.of(2006, 1, 1)));
        TestKafka.send(Topics.HOLDER, holder.toString(), TestEvents.envelope(UUID.randomUUID(), "HolderStatusChanged", "account-service", holder, """
                {"holderId":"%s","status":"YOUNG_WITHOUT_DIPLOMA","category":null,"from":"2024-09-01","to":null}""".formatted(holder)));
        await().atMost(Duration.ofSeconds(60)).until(() ->
                count("holder_status where holder_id = :h and status = 'YOUNG_WITHOUT_DIPLOMA'", holder) == 1);
        return holder;
    }

    static String request(UUID eventId, UUID holder, UUID enrolment, String type, String code, long price) {
        return TestEvents.envelope(eventId, "EnrolmentRequested", "catalogue-service", holder, """
                {"enrolmentId":"%s","holderId":"%s","offerId":"%s","certificationType":"%s","certificationCode":%s,
                 "price":{"amount":%d,"currency":"EUR"},"startDate":"2026-03-02","jobSeeker":false,"employerCoFunding":null}"""
                .formatted(enrolment, holder, UUID.randomUUID(), type, code == null ? "null" : "\"" + code + "\"", price));
    }

    @Test
    void theRegionCoversTheShortfallInItsOwnPotOnceEvenIfTheRequestIsRedeliveredAndACancellationWithdrawsIt() {
        UUID holder = young();
        topUp(holder, 30_000);
        UUID enrolment = UUID.randomUUID();
        String requested = request(UUID.randomUUID(), holder, enrolment, "RNCP", "RNCP35185", 120_000);
        TestKafka.send(Topics.ENROLMENT, holder.toString(), requested);
        TestKafka.send(Topics.ENROLMENT, holder.toString(), requested); // redelivered
        TestKafka.send(Topics.ENROLMENT, holder.toString(), request(UUID.randomUUID(), holder, enrolment, "RNCP", "RNCP35185", 120_000));
        String reserved = funding(enrolment, "FundsReserved").value();
        // 300 € from the holder's top-up, 900 € from the region; nothing left to pay but the 2026 co-payment
        assertTrue(reserved.contains("\"remainderDueByHolder\":{\"amount\":0"), reserved);
        assertTrue(reserved.contains("\"coPayment\":{\"amount\":10320"), reserved);
        assertTrue(reserved.contains("{\"amount\":90000,\"currency\":\"EUR\"}"), reserved);
        awaitCpf(holder, "held.amount", 120_000);
        given().auth().oauth2(TestTokens.holder(holder)).when().get("/api/v1/holders/" + holder + "/cpf/entries")
                .then().statusCode(200)
                .body("items.find { it.topUpKind == 'YOUNG_WITHOUT_DIPLOMA' }.amount.amount", equalTo(90_000))
                .body("items.find { it.topUpKind == 'YOUNG_WITHOUT_DIPLOMA' }.funder", equalTo("REGION young-without-diploma"))
                .body("items.find { it.topUpKind == 'YOUNG_WITHOUT_DIPLOMA' }.earmarkedTo[0]", equalTo("RNCP35185"))
                .body("items.find { it.topUpKind == 'YOUNG_WITHOUT_DIPLOMA' }.explanation[0].rule", equalTo("YOUNG_WITHOUT_DIPLOMA_REGION_TOP_UP"));
        given().auth().oauth2(TestTokens.holder(holder)).when().get("/api/v1/holders/" + holder + "/cpf")
                .then().body("pots.find { it.held.amount == 90000 }.kind", equalTo("TOP_UP"));

        transition(holder, enrolment, "EnrolmentCancelled", true);
        assertTrue(funding(enrolment, "FundsReleased").value().contains("\"amount\":120000"));
        // the region's money goes back to the region, the holder's 300 € to the holder
        awaitCpf(holder, "held.amount", 0);
        awaitCpf(holder, "topUps.amount", 30_000);
        awaitCpf(holder, "available.amount", 30_000);
        assertEquals(1, count("cpf_entry where holder_id = :h and top_up_kind = 'YOUNG_WITHOUT_DIPLOMA' and amount_cents > 0", holder));
        assertEquals(2, count("cpf_entry where holder_id = :h and kind = 'HOLD'", holder), "one hold per pot, once");
    }

    @Test
    void withoutRightsCleaIsPaidByTheRegionCapturedAtEntryAndRefundedToTheRegionOnAFullCancellation() {
        UUID holder = young();
        UUID enrolment = UUID.randomUUID();
        TestKafka.send(Topics.ENROLMENT, holder.toString(), request(UUID.randomUUID(), holder, enrolment, "CLEA", null, 80_000));
        String reserved = funding(enrolment, "FundsReserved").value();
        assertTrue(reserved.contains("\"remainderDueByHolder\":{\"amount\":0"), reserved);
        transition(holder, enrolment, "EnrolmentStarted", null);
        assertTrue(funding(enrolment, "FundsCaptured").value().contains("\"amount\":80000"));
        awaitCpf(holder, "held.amount", 0);
        awaitCpf(holder, "topUps.amount", 0);

        transition(holder, enrolment, "EnrolmentCancelled", true);
        funding(enrolment, "FundsReleased");
        await().atMost(Duration.ofSeconds(30)).until(() ->
                count("cpf_entry where holder_id = :h and kind = 'TOP_UP' and amount_cents = -80000", holder) == 1);
        assertEquals(1, count("cpf_entry where holder_id = :h and kind = 'REFUND'", holder));
        awaitCpf(holder, "topUps.amount", 0);
        awaitCpf(holder, "available.amount", 0);
    }

    @Test
    void aNonQualifyingTrainingGetsNoRegionalTopUp() {
        UUID holder = young();
        UUID enrolment = UUID.randomUUID();
        TestKafka.send(Topics.ENROLMENT, holder.toString(), request(UUID.randomUUID(), holder, enrolment, "RS", "RS5858", 80_000));
        assertTrue(funding(enrolment, "FundsRefused").value().contains("INSUFFICIENT_RIGHTS"));
        assertEquals(0, count("cpf_entry where holder_id = :h", holder));
    }
}
