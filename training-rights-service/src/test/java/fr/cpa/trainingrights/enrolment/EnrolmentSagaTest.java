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
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The CPF side of the enrolment saga on a real broker: hold, capture, release, refusal. */
@QuarkusTest
@QuarkusTestResource(value = CpaTestResources.class, restrictToAnnotatedClass = false)
class EnrolmentSagaTest {

    @Inject
    LedgerInvariant invariant;

    @AfterEach
    void ledgerStillAddsUp() {
        LedgerInvariant.Report report = invariant.check();
        assertTrue(report.holds(), report.toString());
    }

    static void topUp(UUID holder, long cents) {
        given().auth().oauth2(TestTokens.role("admin", "ops")).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(ContentType.JSON)
                .body("{\"kind\": \"VOLUNTARY\", \"amount\": {\"amount\": " + cents + ", \"currency\": \"EUR\"}, \"funderType\": \"REGION\"}")
                .when().post("/api/v1/holders/" + holder + "/cpf/top-ups").then().statusCode(201);
    }

    static void requested(UUID holder, UUID enrolment, long price) {
        TestKafka.send(Topics.ENROLMENT, holder.toString(), TestEvents.envelope(UUID.randomUUID(), "EnrolmentRequested", "catalogue-service", holder, """
                {"enrolmentId":"%s","holderId":"%s","offerId":"%s","certificationType":"RNCP","certificationCode":"RNCP35185",
                 "price":{"amount":%d,"currency":"EUR"},"startDate":"2026-03-02","jobSeeker":false,"employerCoFunding":null}"""
                .formatted(enrolment, holder, UUID.randomUUID(), price)));
    }

    static void transition(UUID holder, UUID enrolment, String type, Boolean fullRecredit) {
        TestKafka.send(Topics.ENROLMENT, holder.toString(), TestEvents.envelope(UUID.randomUUID(), type, "catalogue-service", holder, """
                {"enrolmentId":"%s","holderId":"%s","reason":null,"date":"2026-03-02","fullRecredit":%s}"""
                .formatted(enrolment, holder, fullRecredit)));
    }

    static ConsumerRecord<String, String> funding(UUID enrolment, String type) {
        return TestKafka.records(Topics.FUNDING, Duration.ofSeconds(30),
                        r -> r.value().contains(enrolment.toString()) && r.value().contains("\"" + type + "\""))
                .stream().filter(r -> r.value().contains(enrolment.toString()) && r.value().contains("\"" + type + "\""))
                .findFirst().orElseThrow(() -> new AssertionError(type + " not published for " + enrolment));
    }

    static void awaitCpf(UUID holder, String path, int cents) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(TestTokens.holder(holder)).when().get("/api/v1/holders/" + holder + "/cpf")
                        .then().statusCode(200).body(path, equalTo(cents)));
    }

    @Test
    void aRequestHoldsTheMoneyWithTheCoPaymentAndEntryIntoTrainingSpendsIt() {
        UUID holder = Accounts.open();
        topUp(holder, 200_000);
        UUID enrolment = UUID.randomUUID();
        requested(holder, enrolment, 150_000);
        String reserved = funding(enrolment, "FundsReserved").value();
        // 2026: co-payment 103.20 €, nothing left for the holder to pay on the price
        assertTrue(reserved.contains("\"coPayment\":{\"amount\":10320"), reserved);
        assertTrue(reserved.contains("\"remainderDueByHolder\":{\"amount\":0"), reserved);
        awaitCpf(holder, "held.amount", 150_000);
        awaitCpf(holder, "available.amount", 50_000);

        transition(holder, enrolment, "EnrolmentStarted", null);
        assertTrue(funding(enrolment, "FundsCaptured").value().contains("\"amount\":150000"));
        awaitCpf(holder, "held.amount", 0);
        awaitCpf(holder, "topUps.amount", 50_000);
    }

    @Test
    void aCancellationInTimeReleasesTheHoldAndTheMoneyIsAvailableAgain() {
        UUID holder = Accounts.open();
        topUp(holder, 50_000);
        UUID enrolment = UUID.randomUUID();
        requested(holder, enrolment, 80_000);
        String reserved = funding(enrolment, "FundsReserved").value();
        assertTrue(reserved.contains("\"remainderDueByHolder\":{\"amount\":30000"), reserved);
        awaitCpf(holder, "available.amount", 0);
        transition(holder, enrolment, "EnrolmentCancelled", true);
        funding(enrolment, "FundsReleased");
        awaitCpf(holder, "available.amount", 50_000);
        awaitCpf(holder, "topUps.amount", 50_000);
    }

    @Test
    void anAccountWithoutRightsIsRefusedWithAReason() {
        UUID holder = Accounts.open();
        UUID enrolment = UUID.randomUUID();
        requested(holder, enrolment, 80_000);
        String refused = funding(enrolment, "FundsRefused").value();
        assertTrue(refused.contains("INSUFFICIENT_RIGHTS"), refused);
    }
}
