package fr.cpa.trainingrights.credits;

import fr.cpa.platform.contract.Topics;
import fr.cpa.testing.CpaTestResources;
import fr.cpa.testing.TestEvents;
import fr.cpa.testing.TestKafka;
import fr.cpa.testing.TestTokens;
import fr.cpa.trainingrights.Accounts;
import fr.cpa.trainingrights.ledger.LedgerInvariant;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** C2P and CEC money land in their pots, once per event, with an explanation. */
@QuarkusTest
@QuarkusTestResource(value = CpaTestResources.class, restrictToAnnotatedClass = false)
class CreditEventsTest {

    @Inject
    LedgerInvariant invariant;

    @AfterEach
    void ledgerStillAddsUp() {
        LedgerInvariant.Report report = invariant.check();
        assertTrue(report.holds(), report.toString());
    }

    static void awaitBalance(UUID holder, String path, int cents) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(TestTokens.holder(holder)).when().get("/api/v1/holders/" + holder + "/cpf")
                        .then().statusCode(200).body(path, equalTo(cents)));
    }

    @Test
    void convertedHardshipPointsLandInTheC2pPotOnceEvenIfDeliveredTwice() {
        UUID holder = Accounts.open();
        String event = TestEvents.envelope(UUID.randomUUID(), "C2pPointsConverted", "hardship-service", holder, """
                {"holderId":"%s","useId":"%s","use":"TRAINING","points":4,"amount":{"amount":200000,"currency":"EUR"}}"""
                .formatted(holder, UUID.randomUUID()));
        TestKafka.send(Topics.C2P, holder.toString(), event);
        TestKafka.send(Topics.C2P, holder.toString(), event);
        String marker = TestEvents.envelope(UUID.randomUUID(), "C2pPointsConverted", "hardship-service", holder, """
                {"holderId":"%s","useId":"%s","use":"TRAINING","points":1,"amount":{"amount":50000,"currency":"EUR"}}"""
                .formatted(holder, UUID.randomUUID()));
        TestKafka.send(Topics.C2P, holder.toString(), marker);
        awaitBalance(holder, "topUps.amount", 250000);
        given().auth().oauth2(TestTokens.holder(holder)).when().get("/api/v1/holders/" + holder + "/cpf")
                .then().body("ordinary.amount", equalTo(0)).body("pots[0].pot", equalTo("C2P"))
                .body("pots[0].balance.amount", equalTo(250000));
        given().auth().oauth2(TestTokens.holder(holder)).when().get("/api/v1/holders/" + holder + "/cpf/entries")
                .then().body("total", equalTo(2)).body("items[1].kind", equalTo("C2P"))
                .body("items[1].explanation[0].rule", equalTo("C2P_CONVERSION"));
    }

    @Test
    void civicEngagementEurosAndOldHoursLandInTheCecPot() {
        UUID holder = Accounts.open();
        TestKafka.send(Topics.CEC, holder.toString(), TestEvents.envelope(UUID.randomUUID(), "CecCredited", "civic-engagement-service", holder, """
                {"holderId":"%s","creditId":"%s","year":2024,"activity":"ASSOCIATION_VOLUNTEERING","amount":{"amount":24000,"currency":"EUR"},
                 "minutes":null,"totalAfter":{"amount":24000,"currency":"EUR"},"totalMinutesAfter":null}""".formatted(holder, UUID.randomUUID())));
        // 2018: 20 h of CEC → 240 € at the CEC conversion rate, 12 € an hour (décret 2018-1338), not the CPF's 15 €
        TestKafka.send(Topics.CEC, holder.toString(), TestEvents.envelope(UUID.randomUUID(), "CecCredited", "civic-engagement-service", holder, """
                {"holderId":"%s","creditId":"%s","year":2018,"activity":"CIVIC_SERVICE","amount":null,
                 "minutes":1200,"totalAfter":null,"totalMinutesAfter":1200}""".formatted(holder, UUID.randomUUID())));
        awaitBalance(holder, "cec.amount", 48000);
        given().auth().oauth2(TestTokens.holder(holder)).when().get("/api/v1/holders/" + holder + "/cpf")
                .then().body("ordinary.amount", equalTo(0)).body("available.amount", equalTo(48000));
    }
}
