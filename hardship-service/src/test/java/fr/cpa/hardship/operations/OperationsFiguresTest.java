package fr.cpa.hardship.operations;

import fr.cpa.testing.CpaTestResources;
import fr.cpa.testing.TestEvents;
import fr.cpa.testing.TestKafka;
import fr.cpa.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * platform's GET /api/v1/stats/operations, on this service's real broker: dead letters counted per
 * DLQ topic, consumer lag back to zero once the service caught up, staff only.
 */
@QuarkusTest
@QuarkusTestResource(value = CpaTestResources.class, restrictToAnnotatedClass = false)
class OperationsFiguresTest {

    private static final String ADVISOR = TestTokens.role("advisor", "advisor-ops");

    @Test
    void aRecordInADeadLetterTopicIsCountedThere() {
        // The topic may not exist yet: a first record creates it.
        TestKafka.send("cpa.exposure.v1.dlq", "poison-0", "{}");
        long before = await().atMost(Duration.ofSeconds(60)).until(() -> deadLetters("cpa.exposure.v1.dlq"), n -> n >= 1);

        TestKafka.send("cpa.exposure.v1.dlq", "poison-1", "{not json");

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertEquals(before + 1, deadLetters("cpa.exposure.v1.dlq")));
    }

    @Test
    void theConsumerLagFallsBackToZeroOnceTheEventsAreApplied() {
        UUID holder = UUID.randomUUID();
        TestKafka.send("cpa.holder.v1", holder.toString(),
                TestEvents.holderRegistered(UUID.randomUUID(), holder, LocalDate.of(1970, 5, 2)));

        await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> {
            JsonPath figures = figures();
            assertEquals("UP", figures.getString("kafka"));
            assertEquals(0L, figures.getLong("consumerLag.find { it.topic == 'cpa.holder.v1' }.lag"));
            assertEquals("hardship-service", figures.getString("consumerLag.find { it.topic == 'cpa.holder.v1' }.group"));
            assertEquals(0L, figures.getLong("outboxBacklog"));
        });
    }

    @Test
    void onlyStaffSeeTheOperationsFigures() {
        given().auth().oauth2(TestTokens.holder(UUID.randomUUID()))
                .when().get("/api/v1/stats/operations")
                .then().statusCode(403).contentType("application/problem+json");
        given().when().get("/api/v1/stats/operations")
                .then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.role("admin", "admin-ops"))
                .when().get("/api/v1/stats/operations")
                .then().statusCode(200).body("service", equalTo("hardship-service"));
    }

    private static long deadLetters(String topic) {
        Number records = figures().get("deadLetters.find { it.topic == '" + topic + "' }.records");
        return records == null ? 0 : records.longValue();
    }

    private static JsonPath figures() {
        return given().auth().oauth2(ADVISOR)
                .when().get("/api/v1/stats/operations")
                .then().statusCode(200).extract().jsonPath();
    }
}
