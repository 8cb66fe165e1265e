package fr.cpa.trainingrights.account;

import fr.cpa.platform.contract.Topics;
import fr.cpa.testing.CpaTestResources;
import fr.cpa.testing.TestEvents;
import fr.cpa.testing.TestKafka;
import fr.cpa.testing.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The idempotent consumer on a real broker: open the CPF once, dead-letter poison, keep flowing. */
@QuarkusTest
@QuarkusTestResource(value = CpaTestResources.class, restrictToAnnotatedClass = false)
class HolderEventsTest {

    @Inject
    EntityManager em;

    static String holderRegistered(UUID eventId, UUID holderId) {
        return TestEvents.holderRegistered(eventId, holderId, LocalDate.of(1990, 4, 2));
    }

    static void awaitCpf(UUID holderId) {
        await().atMost(Duration.ofSeconds(120)).untilAsserted(() ->
                given().auth().oauth2(TestTokens.holder(holderId))
                        .when().get("/api/v1/holders/" + holderId + "/cpf")
                        .then().statusCode(200));
    }

    long processed(UUID eventId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                        "select count(*) from processed_event where event_id = :id")
                .setParameter("id", eventId).getSingleResult()).longValue());
    }

    @Test
    void holderRegisteredOpensAnEmptyCpf() {
        UUID holder = UUID.randomUUID();
        TestKafka.send(Topics.HOLDER, holder.toString(), holderRegistered(UUID.randomUUID(), holder));
        awaitCpf(holder);
        given().auth().oauth2(TestTokens.holder(holder))
                .when().get("/api/v1/holders/" + holder + "/cpf")
                .then().statusCode(200)
                .body("holderId", equalTo(holder.toString()))
                .body("ordinary.amount", equalTo(0))
                .body("ordinary.currency", equalTo("EUR"))
                .body("available.amount", equalTo(0))
                .body("hoursBalanceMinutes", equalTo(0));
    }

    @Test
    void theSameEventDeliveredTwiceIsAppliedOnce() {
        UUID holder = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        String event = holderRegistered(eventId, holder);
        TestKafka.send(Topics.HOLDER, holder.toString(), event);
        TestKafka.send(Topics.HOLDER, holder.toString(), event);
        // a marker event after the duplicate, on the same partition: once it is applied, so was the duplicate
        UUID marker = UUID.randomUUID();
        TestKafka.send(Topics.HOLDER, holder.toString(), holderRegistered(marker, holder));
        await().atMost(Duration.ofSeconds(120)).until(() -> processed(marker) == 1);
        assertEquals(1, processed(eventId), "one processed-event row for the event delivered twice");
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.lines().anyMatch(l -> l.startsWith("cpa_consumer_events_total")
                && l.contains("outcome=\"duplicate\"") && l.contains("training-rights.holders")), "duplicate counted");
    }

    @Test
    void aPoisonEventGoesToTheDeadLetterTopicAndLaterEventsStillFlow() {
        UUID holder = UUID.randomUUID();
        TestKafka.send(Topics.HOLDER, holder.toString(), "this is not an event {");
        TestKafka.send(Topics.HOLDER, holder.toString(), holderRegistered(UUID.randomUUID(), holder));
        awaitCpf(holder);

        List<ConsumerRecord<String, String>> dead = TestKafka.records(Topics.deadLetter(Topics.HOLDER),
                Duration.ofSeconds(120), r -> holder.toString().equals(r.key()));
        ConsumerRecord<String, String> poison = dead.stream().filter(r -> holder.toString().equals(r.key()))
                .findFirst().orElseThrow(() -> new AssertionError("poison record not in the DLQ"));
        assertEquals("this is not an event {", poison.value());
        Header reason = poison.headers().lastHeader("dead-letter-reason");
        assertNotNull(reason, "the DLQ record carries the error");
        assertTrue(new String(reason.value(), StandardCharsets.UTF_8).contains("not a JSON event envelope"));
    }

    @Test
    void aHolderCannotReadAnotherHoldersCpf() {
        UUID mine = UUID.randomUUID();
        UUID theirs = UUID.randomUUID();
        TestKafka.send(Topics.HOLDER, theirs.toString(), holderRegistered(UUID.randomUUID(), theirs));
        awaitCpf(theirs);
        given().auth().oauth2(TestTokens.holder(mine))
                .when().get("/api/v1/holders/" + theirs + "/cpf")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.token("employer", "payroll").siret("73282932000074").sign())
                .when().get("/api/v1/holders/" + theirs + "/cpf")
                .then().statusCode(403);
        given().when().get("/api/v1/holders/" + theirs + "/cpf")
                .then().statusCode(401);
    }
}
