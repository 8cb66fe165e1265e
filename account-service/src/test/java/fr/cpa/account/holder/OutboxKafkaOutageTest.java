package fr.cpa.account.holder;

import fr.cpa.platform.contract.Topics;
import fr.cpa.testing.CpaTestResources;
import fr.cpa.testing.TestKafka;
import fr.cpa.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** A write accepted while Kafka is down is published, once, when the broker is back. */
@QuarkusTest
@QuarkusTestResource(value = CpaTestResources.class, restrictToAnnotatedClass = false)
class OutboxKafkaOutageTest {

    @Test
    void aRegistrationDuringAnOutageArrivesExactlyOnceAfterwards() {
        String id;
        TestKafka.stop();
        try {
            id = given().auth().oauth2(TestTokens.role("admin", "ops"))
                    .contentType(ContentType.JSON)
                    .body(Map.of("nir", TestNirs.forBirthDate(LocalDate.of(1985, 5, 10)), "lastName", "Petit",
                            "firstName", "Jean", "birthDate", "1985-05-10"))
                    .when().post("/api/v1/holders")
                    .then().statusCode(201).extract().path("id");

            // the event waits in the outbox, visible in readiness, and the service stays ready
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                    given().when().get("/q/health/ready").then().statusCode(200)
                            .body("checks.find { it.name == 'outbox' }.data.backlog", greaterThanOrEqualTo(1)));
        } finally {
            TestKafka.start();
        }

        String holderId = id;
        List<ConsumerRecord<String, String>> arrived = TestKafka.records(Topics.HOLDER, Duration.ofSeconds(60),
                r -> r.key().equals(holderId));
        assertEquals(1, arrived.stream().filter(r -> r.key().equals(holderId)).count(), "published once the broker is back");
        // then read the whole topic again, to its end, for a duplicate
        List<ConsumerRecord<String, String>> records = TestKafka.recordsUpToNow(Topics.HOLDER, Duration.ofSeconds(60));
        long ours = records.stream().filter(r -> r.key().equals(id)).count();
        assertEquals(1, ours, "the registration made during the outage is published exactly once");
    }
}
