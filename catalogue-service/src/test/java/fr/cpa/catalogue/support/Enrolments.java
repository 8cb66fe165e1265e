package fr.cpa.catalogue.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.cpa.platform.contract.Topics;
import fr.cpa.testing.TestEvents;
import fr.cpa.testing.TestKafka;
import fr.cpa.testing.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/** An offer with a session, enrolments through the API, and the funding side's answers on the real broker. */
public final class Enrolments {

    static final ObjectMapper JSON = new ObjectMapper();

    private Enrolments() {
    }

    /** A published, CPF-payable offer of a fresh organisation and one session. */
    public record Session(String siret, String offerId, String sessionId, LocalDate start) {
    }

    public static Session session(LocalDate start, String departmentCode, Map<String, Object> overrides) {
        return session(start, departmentCode, overrides, LocalDate.now().plusYears(2));
    }

    /** The same, of an organisation whose Qualiopi certificate is valid until {@code qualiopiValidUntil}. */
    public static Session session(LocalDate start, String departmentCode, Map<String, Object> overrides,
                                  LocalDate qualiopiValidUntil) {
        String siret = Fixtures.siret();
        Fixtures.register(siret, qualiopiValidUntil.toString());
        Map<String, Object> offer = Fixtures.offer(siret + "_E" + UUID.randomUUID().toString().substring(0, 8),
                "Formation inscription " + siret);
        offer.put("departmentCode", departmentCode);
        offer.putAll(overrides);
        String offerId = Fixtures.publish(siret, offer);
        String sessionId = given().auth().oauth2(Fixtures.org(siret)).contentType(ContentType.JSON)
                .body(Map.of("startDate", start.toString(), "endDate", start.plusDays(4).toString(), "seats", 12,
                        "place", "Salle 1", "departmentCode", departmentCode, "remote", false))
                .when().post("/api/v1/organisations/" + siret + "/offers/" + offerId + "/sessions")
                .then().statusCode(201).extract().path("id");
        return new Session(siret, offerId, sessionId, start);
    }

    /** Records an organisation's Qualiopi certificate as staff does (organisations may not record their own). */
    public static void certify(String siret, LocalDate validUntil) {
        given().auth().oauth2(Fixtures.admin()).contentType(ContentType.JSON)
                .body(Map.of("certificate", "QUALIOPI-" + siret, "validUntil", validUntil.toString()))
                .when().put("/api/v1/organisations/" + siret + "/qualiopi").then().statusCode(200);
    }

    public static String strongHolder(UUID holder) {
        return TestTokens.token("holder", holder.toString()).acr("substantial").sign();
    }

    public static ValidatableResponse request(UUID holder, String sessionId) {
        return given().auth().oauth2(strongHolder(holder)).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(ContentType.JSON).body(Map.of("sessionId", sessionId))
                .when().post("/api/v1/enrolments").then();
    }

    /** Requests and returns the enrolment id. */
    public static String requested(UUID holder, Session s) {
        return request(holder, s.sessionId()).statusCode(201).extract().path("id");
    }

    public static ValidatableResponse get(String token, String id) {
        return given().auth().oauth2(token).when().get("/api/v1/enrolments/" + id).then();
    }

    public static ValidatableResponse org(Session s, String id, String action) {
        var spec = given().auth().oauth2(Fixtures.org(s.siret()));
        if (action.equals("refuse") || action.equals("cancel")) {
            spec = spec.contentType(ContentType.JSON).body(Map.of("reason", "Session complète"));
        }
        return spec.when().post("/api/v1/enrolments/" + id + "/" + action).then();
    }

    public static ValidatableResponse holder(UUID holder, String id, String action) {
        var spec = given().auth().oauth2(strongHolder(holder));
        if (action.equals("cancel")) {
            spec = spec.contentType(ContentType.JSON).body(Map.of("reason", "Changement de projet"));
        }
        return spec.when().post("/api/v1/enrolments/" + id + "/" + action).then();
    }

    public static String money(long cents) {
        return "{\"amount\":" + cents + ",\"currency\":\"EUR\"}";
    }

    /** FundsReserved as training-rights sends it; returns the envelope (to redeliver it). */
    public static String fundsReserved(UUID holder, String enrolmentId, long held, long coPayment) {
        String envelope = TestEvents.envelope(UUID.randomUUID(), "FundsReserved", "training-rights-service", holder, """
                {"enrolmentId":"%s","holderId":"%s","heldByPot":{"ORDINARY":%s},"remainderDueByHolder":%s,"coPayment":%s}"""
                .formatted(enrolmentId, holder, money(held), money(0), money(coPayment)));
        TestKafka.send(Topics.FUNDING, holder.toString(), envelope);
        return envelope;
    }

    public static String fundsRefused(UUID holder, String enrolmentId, String reason, String detail) {
        String envelope = TestEvents.envelope(UUID.randomUUID(), "FundsRefused", "training-rights-service", holder, """
                {"enrolmentId":"%s","holderId":"%s","reason":"%s","detail":"%s"}""".formatted(enrolmentId, holder, reason, detail));
        TestKafka.send(Topics.FUNDING, holder.toString(), envelope);
        return envelope;
    }

    public static String fundsSettled(UUID holder, String enrolmentId, String type, long cents) {
        String envelope = TestEvents.envelope(UUID.randomUUID(), type, "training-rights-service", holder, """
                {"enrolmentId":"%s","holderId":"%s","amount":%s}""".formatted(enrolmentId, holder, money(cents)));
        TestKafka.send(Topics.FUNDING, holder.toString(), envelope);
        return envelope;
    }

    public static void awaitState(UUID holder, String id, String state) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() ->
                state.equals(get(strongHolder(holder), id).statusCode(200).extract().path("state")));
    }

    /** The event of {@code type} about enrolment {@code id} on cpa.enrolment.v1 (its envelope), waiting for it. */
    public static JsonNode event(String id, String type) {
        List<ConsumerRecord<String, String>> records = TestKafka.records(Topics.ENROLMENT, Duration.ofSeconds(60),
                r -> r.value().contains(id) && r.value().contains("\"" + type + "\""));
        return records.stream().map(r -> read(r.value()))
                .filter(n -> type.equals(n.path("type").asText()) && id.equals(n.path("data").path("enrolmentId").asText()))
                .reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("no " + type + " for enrolment " + id));
    }

    /** How many events of {@code type} about enrolment {@code id} are on the topic now. */
    public static long count(String id, String type) {
        return TestKafka.recordsUpToNow(Topics.ENROLMENT, Duration.ofSeconds(60)).stream().map(r -> read(r.value()))
                .filter(n -> type.equals(n.path("type").asText()) && id.equals(n.path("data").path("enrolmentId").asText()))
                .count();
    }

    static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
