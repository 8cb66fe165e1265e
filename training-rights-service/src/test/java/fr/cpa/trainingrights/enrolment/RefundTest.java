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
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static fr.cpa.trainingrights.enrolment.EnrolmentSagaTest.awaitCpf;
import static fr.cpa.trainingrights.enrolment.EnrolmentSagaTest.funding;
import static fr.cpa.trainingrights.enrolment.EnrolmentSagaTest.requested;
import static fr.cpa.trainingrights.enrolment.EnrolmentSagaTest.transition;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** REFUND entries: a full-re-credit cancellation after the capture, and an organisation's refund recorded by staff. */
@QuarkusTest
@QuarkusTestResource(value = CpaTestResources.class, restrictToAnnotatedClass = false)
class RefundTest {

    static final String ADMIN = TestTokens.role("admin", "ops");

    @Inject
    LedgerInvariant invariant;
    @Inject
    EntityManager em;

    @AfterEach
    void ledgerStillAddsUp() {
        LedgerInvariant.Report report = invariant.check();
        assertTrue(report.holds(), report.toString());
    }

    static String topUp(UUID holder, long cents, String earmark) {
        return given().auth().oauth2(ADMIN).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(ContentType.JSON)
                .body("{\"kind\": \"VOLUNTARY\", \"amount\": {\"amount\": " + cents + ", \"currency\": \"EUR\"}, \"funderType\": \"OPCO\""
                        + (earmark == null ? "" : ", \"earmarkedTo\": [\"" + earmark + "\"]") + "}")
                .when().post("/api/v1/holders/" + holder + "/cpf/top-ups").then().statusCode(201).extract().path("pot");
    }

    long entries(UUID holder, String kind) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                        "select count(*) from cpf_entry where holder_id = :h and kind = :k")
                .setParameter("h", holder).setParameter("k", kind).getSingleResult()).longValue());
    }

    /** A holder with an earmarked 500 € top-up and a general 1 000 € one, who bought a 1 200 € RNCP35185 training and started it. */
    UUID[] captured() {
        UUID holder = Accounts.open();
        topUp(holder, 50_000, "RNCP35185");
        topUp(holder, 100_000, null);
        UUID enrolment = UUID.randomUUID();
        requested(holder, enrolment, 120_000);
        funding(enrolment, "FundsReserved");
        transition(holder, enrolment, "EnrolmentStarted", null);
        funding(enrolment, "FundsCaptured");
        awaitCpf(holder, "topUps.amount", 30_000);
        return new UUID[]{holder, enrolment};
    }

    @Test
    void aFullRecreditCancellationAfterTheCaptureRefundsEveryPotOnceEvenIfRedelivered() {
        UUID[] c = captured();
        UUID holder = c[0];
        UUID enrolment = c[1];
        String cancelled = TestEvents.envelope(UUID.randomUUID(), "EnrolmentCancelled", "catalogue-service", holder, """
                {"enrolmentId":"%s","holderId":"%s","reason":"HOLDER","date":"2026-03-02","fullRecredit":true}""".formatted(enrolment, holder));
        TestKafka.send(Topics.ENROLMENT, holder.toString(), cancelled);
        TestKafka.send(Topics.ENROLMENT, holder.toString(), cancelled); // redelivered
        transition(holder, enrolment, "EnrolmentCancelled", true);    // and a second cancellation: nothing left to refund
        assertTrue(funding(enrolment, "FundsReleased").value().contains("\"amount\":120000"));
        awaitCpf(holder, "topUps.amount", 150_000);
        afterEarlierEventsOf(holder);
        assertEquals(2, entries(holder, "REFUND"), "one REFUND per pot, once");
        awaitCpf(holder, "topUps.amount", 150_000);
        given().auth().oauth2(TestTokens.holder(holder)).when().get("/api/v1/holders/" + holder + "/cpf/entries")
                .then().statusCode(200).body("items.findAll { it.kind == 'REFUND' }.amount.amount", hasItems(50_000, 70_000))
                .body("items.find { it.kind == 'REFUND' }.explanation[0].rule", equalTo("REFUND"))
                .body("items.find { it.kind == 'REFUND' }.explanation[0].inputs.trigger", equalTo("EnrolmentCancelled"));
        assertTrue(TestKafka.records(Topics.CPF, Duration.ofSeconds(60),
                        r -> r.key().equals(holder.toString()) && r.value().contains("\"REFUND\""))
                .stream().anyMatch(r -> r.key().equals(holder.toString()) && r.value().contains("\"REFUND\"")));
    }

    @Test
    void aLateCancellationAfterTheCaptureRefundsNothing() {
        UUID[] c = captured();
        transition(c[0], c[1], "EnrolmentCancelled", false);
        afterEarlierEventsOf(c[0]);
        assertEquals(0, entries(c[0], "REFUND"));
        awaitCpf(c[0], "topUps.amount", 30_000);
    }

    /**
     * Events of one holder share a partition and are applied in order: once a later request is answered
     * (a 1 € hold, then released), every earlier event of the holder has been applied.
     */
    static void afterEarlierEventsOf(UUID holder) {
        UUID marker = UUID.randomUUID();
        requested(holder, marker, 100);
        funding(marker, "FundsReserved");
        transition(holder, marker, "EnrolmentRefused", null);
        funding(marker, "FundsReleased");
    }

    @Test
    void anOrganisationsPartialRefundGoesToTheLastSpentPotFirstOnceAndNeverBeyondWhatWasCaptured() {
        UUID[] c = captured();
        UUID holder = c[0];
        String key = UUID.randomUUID().toString();
        String body = "{\"enrolmentId\": \"" + c[1] + "\", \"amount\": {\"amount\": 80000, \"currency\": \"EUR\"}, \"reason\": \"ended after 3 of 10 days\"}";
        // 500 € came from the earmarked top-up, then 700 € from the general one: 800 € back = 700 € there + 100 € earmarked
        given().auth().oauth2(ADMIN).header("Idempotency-Key", key).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/holders/" + holder + "/cpf/refunds")
                .then().statusCode(201).body("entries.kind", hasItems("REFUND"))
                .body("entries[0].amount.amount", equalTo(70_000)).body("entries[1].amount.amount", equalTo(10_000));
        given().auth().oauth2(ADMIN).header("Idempotency-Key", key).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/holders/" + holder + "/cpf/refunds")
                .then().statusCode(201);
        assertEquals(2, entries(holder, "REFUND"), "a replay with the same key refunds nothing more");
        awaitCpf(holder, "topUps.amount", 110_000);

        // 400 € left to refund: 400.01 € is refused, naming the field
        given().auth().oauth2(ADMIN).header("Idempotency-Key", UUID.randomUUID().toString()).contentType(ContentType.JSON)
                .body("{\"enrolmentId\": \"" + c[1] + "\", \"amount\": {\"amount\": 40001, \"currency\": \"EUR\"}, \"reason\": \"rest\"}")
                .when().post("/api/v1/holders/" + holder + "/cpf/refunds")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("amount.amount"));
        given().auth().oauth2(ADMIN).header("Idempotency-Key", UUID.randomUUID().toString()).contentType(ContentType.JSON)
                .body("{\"enrolmentId\": \"" + c[1] + "\", \"amount\": {\"amount\": 40000, \"currency\": \"EUR\"}, \"reason\": \"rest\"}")
                .when().post("/api/v1/holders/" + holder + "/cpf/refunds")
                .then().statusCode(201);
        awaitCpf(holder, "topUps.amount", 150_000);
    }

    @Test
    void refundsAreCheckedAndOnlyForStaffOrServices() {
        UUID holder = Accounts.open();
        String body = "{\"enrolmentId\": \"" + UUID.randomUUID() + "\", \"amount\": {\"amount\": 100, \"currency\": \"EUR\"}, \"reason\": \"x\"}";
        given().auth().oauth2(TestTokens.holder(holder)).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(ContentType.JSON).body(body).when().post("/api/v1/holders/" + holder + "/cpf/refunds")
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.token("training-org", "org-1").siret("73282932000074").sign())
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(ContentType.JSON).body(body).when().post("/api/v1/holders/" + holder + "/cpf/refunds")
                .then().statusCode(403);
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/holders/" + holder + "/cpf/refunds").then().statusCode(400);
        given().auth().oauth2(ADMIN).header("Idempotency-Key", UUID.randomUUID().toString()).contentType(ContentType.JSON)
                .body(body).when().post("/api/v1/holders/" + holder + "/cpf/refunds")
                .then().statusCode(422).contentType("application/problem+json");
        given().auth().oauth2(ADMIN).header("Idempotency-Key", UUID.randomUUID().toString()).contentType(ContentType.JSON)
                .body("{\"amount\": {\"amount\": -5, \"currency\": \"EUR\"}, \"reason\": \"\"}")
                .when().post("/api/v1/holders/" + holder + "/cpf/refunds")
                .then().statusCode(400).contentType("application/problem+json");
    }
}
