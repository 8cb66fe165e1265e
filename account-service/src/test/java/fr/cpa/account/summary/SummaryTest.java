package fr.cpa.account.summary;

import fr.cpa.account.nir.Nir;
import fr.cpa.platform.contract.Topics;
import fr.cpa.testing.CpaTestResources;
import fr.cpa.testing.TestEvents;
import fr.cpa.testing.TestKafka;
import fr.cpa.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** The summary read model, fed by events sent on the real broker as the account services publish them. */
@QuarkusTest
@QuarkusTestResource(value = CpaTestResources.class, restrictToAnnotatedClass = false)
class SummaryTest {

    static String register() {
        String body = "18505" + "75" + String.format("%03d", ThreadLocalRandom.current().nextInt(1, 1000))
                + String.format("%03d", ThreadLocalRandom.current().nextInt(1, 1000));
        String nir = body + String.format("%02d", Nir.key(body));
        return given().auth().oauth2(TestTokens.role("advisor", "a")).contentType(ContentType.JSON)
                .body(Map.of("nir", nir, "lastName", "Martin", "firstName", "Léa", "birthDate", "1985-05-10"))
                .post("/api/v1/holders").then().statusCode(201).extract().path("id");
    }

    static String eur(long cents) {
        return "{\"amount\":" + cents + ",\"currency\":\"EUR\"}";
    }

    static void send(String topic, String type, String source, UUID holder, String data) {
        TestKafka.send(topic, holder.toString(), TestEvents.envelope(UUID.randomUUID(), type, source, holder, data));
    }

    @Test
    void theSummaryGathersTheThreeAccountsAndOpenEnrolments() {
        UUID holder = UUID.fromString(register());
        String token = TestTokens.holder(holder);
        given().auth().oauth2(token).get("/api/v1/holders/" + holder + "/summary")
                .then().statusCode(200).body("asOf", nullValue()).body("cpf.available.amount", equalTo(0));

        send(Topics.CPF, "CpfCredited", "training-rights-service", holder, """
                {"holderId":"%s","entryId":"%s","kind":"ACQUISITION","amount":%s,"minutes":null,"year":2025,
                 "balancesAfter":{"ordinary":%s,"cec":%s,"topUps":%s,"held":%s,"available":%s,"hoursMinutes":0}}"""
                .formatted(holder, UUID.randomUUID(), eur(50000), eur(150000), eur(24000), eur(300000), eur(0), eur(474000)));
        send(Topics.CPF, "CpfHoldChanged", "training-rights-service", holder, """
                {"holderId":"%s","entryId":"%s","enrolmentId":"%s","amount":%s,
                 "balancesAfter":{"ordinary":%s,"cec":%s,"topUps":%s,"held":%s,"available":%s,"hoursMinutes":0}}"""
                .formatted(holder, UUID.randomUUID(), UUID.randomUUID(), eur(100000), eur(150000), eur(24000),
                        eur(300000), eur(100000), eur(374000)));
        send(Topics.C2P, "C2pPointsAwarded", "hardship-service", holder, """
                {"holderId":"%s","year":2025,"points":8,"totalAfter":24,"explanation":["two factors all year"]}"""
                .formatted(holder));
        UUID conversion = UUID.randomUUID();
        String converted = TestEvents.envelope(conversion, "C2pPointsConverted", "hardship-service", holder, """
                {"holderId":"%s","useId":"%s","use":"TRAINING","points":5,"amount":%s}"""
                .formatted(holder, UUID.randomUUID(), eur(250000)));
        TestKafka.send(Topics.C2P, holder.toString(), converted);
        TestKafka.send(Topics.C2P, holder.toString(), converted); // redelivered: applied once
        send(Topics.C2P, "C2pPointsUsed", "hardship-service", holder, """
                {"holderId":"%s","useId":"%s","use":"TRAINING","points":5,"usedOn":"2026-01-05","totalAfter":19}"""
                .formatted(holder, UUID.randomUUID()));
        send(Topics.CEC, "CecCredited", "civic-engagement-service", holder, """
                {"holderId":"%s","creditId":"%s","year":2025,"activity":"ASSOCIATION_VOLUNTEERING","amount":%s,
                 "minutes":null,"totalAfter":%s,"totalMinutesAfter":null}"""
                .formatted(holder, UUID.randomUUID(), eur(24000), eur(24000)));
        UUID inTraining = UUID.randomUUID();
        UUID cancelled = UUID.randomUUID();
        for (UUID enrolment : new UUID[]{inTraining, cancelled}) {
            send(Topics.ENROLMENT, "EnrolmentRequested", "catalogue-service", holder, """
                    {"enrolmentId":"%s","holderId":"%s","offerId":"%s","certificationType":"RNCP","certificationCode":"RNCP35185",
                     "price":%s,"startDate":"2026-03-02","jobSeeker":false,"employerCoFunding":null}"""
                    .formatted(enrolment, holder, UUID.randomUUID(), eur(100000)));
        }
        send(Topics.ENROLMENT, "EnrolmentStarted", "catalogue-service", holder, """
                {"enrolmentId":"%s","holderId":"%s","reason":null,"date":"2026-03-02","fullRecredit":null}"""
                .formatted(inTraining, holder));
        send(Topics.ENROLMENT, "EnrolmentCancelled", "catalogue-service", holder, """
                {"enrolmentId":"%s","holderId":"%s","reason":"holder","date":"2026-02-01","fullRecredit":true}"""
                .formatted(cancelled, holder));

        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                given().auth().oauth2(token).get("/api/v1/holders/" + holder + "/summary")
                        .then().statusCode(200)
                        .body("asOf", notNullValue())
                        .body("cpf.ordinary.amount", equalTo(150000))
                        .body("cpf.held.amount", equalTo(100000))
                        .body("cpf.available.amount", equalTo(374000))
                        .body("c2p.total", equalTo(19))
                        .body("c2p.reservedForTraining", equalTo(15))
                        .body("c2p.usable", equalTo(4))
                        .body("cec.total.amount", equalTo(24000))
                        .body("openEnrolments", hasSize(1))
                        .body("openEnrolments[0].enrolmentId", equalTo(inTraining.toString()))
                        .body("openEnrolments[0].state", equalTo("IN_TRAINING")));
    }

    @Test
    void everyUseOfC2pPointsLowersTheTotalOnceWhateverItsKind() {
        UUID holder = UUID.fromString(register()); // born 1985: 20 points reserved for training
        String token = TestTokens.holder(holder);
        send(Topics.C2P, "C2pPointsAwarded", "hardship-service", holder, """
                {"holderId":"%s","year":2025,"points":12,"totalAfter":50,"explanation":["three factors all year"]}"""
                .formatted(holder));
        // part-time: no conversion (no money), only the points left
        send(Topics.C2P, "C2pPointsUsed", "hardship-service", holder, """
                {"holderId":"%s","useId":"%s","use":"PART_TIME","points":10,"usedOn":"2026-01-05","totalAfter":40}"""
                .formatted(holder, UUID.randomUUID()));
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                given().auth().oauth2(token).get("/api/v1/holders/" + holder + "/summary")
                        .then().statusCode(200)
                        .body("c2p.total", equalTo(40))
                        .body("c2p.reservedForTraining", equalTo(20))
                        .body("c2p.usable", equalTo(20)));

        // training: both events of the use. The conversion comes last here (hardship-service sends it first, but
        // a redelivery may not): its points must not come off the total a second time (30), only out of the reserve
        UUID useId = UUID.randomUUID();
        send(Topics.C2P, "C2pPointsUsed", "hardship-service", holder, """
                {"holderId":"%s","useId":"%s","use":"TRAINING","points":5,"usedOn":"2026-01-05","totalAfter":35}"""
                .formatted(holder, useId));
        send(Topics.C2P, "C2pPointsConverted", "hardship-service", holder, """
                {"holderId":"%s","useId":"%s","use":"TRAINING","points":5,"amount":%s}"""
                .formatted(holder, useId, eur(250000)));
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                given().auth().oauth2(token).get("/api/v1/holders/" + holder + "/summary")
                        .then().statusCode(200)
                        .body("c2p.total", equalTo(35))
                        // the 5 points for training came out of the reserve: 15 left of it, 20 free
                        .body("c2p.reservedForTraining", equalTo(15))
                        .body("c2p.usable", equalTo(20)));
    }

    @Test
    void openEnrolmentsShowTheirMoneyFromTheFundingTopicWhateverTheOrderOfTheTwoTopics() {
        UUID holder = UUID.fromString(register());
        UUID reservedFirst = UUID.randomUUID();
        UUID started = UUID.randomUUID();
        UUID refused = UUID.randomUUID();
        // funding heard before the enrolment itself (another topic, no order between them)
        send(Topics.FUNDING, "FundsReserved", "training-rights-service", holder, """
                {"enrolmentId":"%s","holderId":"%s","heldByPot":{"ORDINARY":%s,"CEC":%s},"remainderDueByHolder":%s,"coPayment":%s}"""
                .formatted(reservedFirst, holder, eur(60000), eur(20000), eur(20000), eur(10000)));
        for (UUID enrolment : new UUID[]{reservedFirst, started, refused}) {
            send(Topics.ENROLMENT, "EnrolmentRequested", "catalogue-service", holder, """
                    {"enrolmentId":"%s","holderId":"%s","offerId":"%s","certificationType":"RNCP","certificationCode":"RNCP35185",
                     "price":%s,"startDate":"2026-03-02","jobSeeker":false,"employerCoFunding":null}"""
                    .formatted(enrolment, holder, UUID.randomUUID(), eur(100000)));
        }
        send(Topics.FUNDING, "FundsReserved", "training-rights-service", holder, """
                {"enrolmentId":"%s","holderId":"%s","heldByPot":{"ORDINARY":%s},"remainderDueByHolder":%s,"coPayment":%s}"""
                .formatted(started, holder, eur(90000), eur(0), eur(0)));
        send(Topics.ENROLMENT, "EnrolmentStarted", "catalogue-service", holder, """
                {"enrolmentId":"%s","holderId":"%s","reason":null,"date":"2026-03-02","fullRecredit":null}"""
                .formatted(started, holder));
        send(Topics.FUNDING, "FundsCaptured", "training-rights-service", holder, """
                {"enrolmentId":"%s","holderId":"%s","amount":%s}""".formatted(started, holder, eur(90000)));
        send(Topics.FUNDING, "FundsRefused", "training-rights-service", holder, """
                {"enrolmentId":"%s","holderId":"%s","reason":"INSUFFICIENT_RIGHTS","detail":"not enough rights"}"""
                .formatted(refused, holder));

        String token = TestTokens.holder(holder);
        String base = "openEnrolments.find { it.enrolmentId == '%s' }.";
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                given().auth().oauth2(token).get("/api/v1/holders/" + holder + "/summary")
                        .then().statusCode(200)
                        .body("openEnrolments", hasSize(3))
                        .body(base.formatted(reservedFirst) + "state", equalTo("REQUESTED"))
                        .body(base.formatted(reservedFirst) + "offerId", notNullValue())
                        .body(base.formatted(reservedFirst) + "funding.state", equalTo("RESERVED"))
                        .body(base.formatted(reservedFirst) + "funding.held.amount", equalTo(80000))
                        .body(base.formatted(reservedFirst) + "funding.remainderDueByHolder.amount", equalTo(20000))
                        .body(base.formatted(started) + "state", equalTo("IN_TRAINING"))
                        .body(base.formatted(started) + "funding.state", equalTo("CAPTURED"))
                        .body(base.formatted(started) + "funding.held.amount", equalTo(0))
                        .body(base.formatted(started) + "funding.captured.amount", equalTo(90000))
                        .body(base.formatted(refused) + "funding.state", equalTo("REFUSED"))
                        .body(base.formatted(refused) + "funding.held.amount", equalTo(0)));
    }

    @Test
    void anotherHolderCannotReadMySummary() {
        String id = register();
        given().auth().oauth2(TestTokens.holder(UUID.randomUUID())).get("/api/v1/holders/" + id + "/summary")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.token("employer", "p").siret("73282932000074").sign())
                .get("/api/v1/holders/" + id + "/summary").then().statusCode(403);
    }
}
