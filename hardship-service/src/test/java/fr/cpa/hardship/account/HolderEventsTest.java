package fr.cpa.hardship.account;

import fr.cpa.testing.CpaTestResources;
import fr.cpa.testing.TestEvents;
import fr.cpa.testing.TestKafka;
import fr.cpa.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** HolderRegistered on the real broker opens the holder's C2P account, readable by them only. */
@QuarkusTest
@QuarkusTestResource(value = CpaTestResources.class, restrictToAnnotatedClass = false)
class HolderEventsTest {

    @Test
    void holderRegisteredOpensAnEmptyAccountThatOnlyItsHolderReads() {
        UUID holder = UUID.randomUUID();
        UUID event = UUID.randomUUID();
        String registered = TestEvents.holderRegistered(event, holder, LocalDate.of(1960, 3, 1));
        TestKafka.send("cpa.holder.v1", holder.toString(), registered);
        TestKafka.send("cpa.holder.v1", holder.toString(), registered); // redelivered: changes nothing

        await().atMost(Duration.ofSeconds(120)).untilAsserted(() ->
                given().auth().oauth2(TestTokens.holder(holder))
                        .when().get("/api/v1/holders/" + holder + "/c2p")
                        .then().statusCode(200)
                        .body("holderId", equalTo(holder.toString()))
                        .body("total", equalTo(0))
                        .body("reserved", equalTo(0)));
        given().auth().oauth2(TestTokens.holder(UUID.randomUUID()))
                .when().get("/api/v1/holders/" + holder + "/c2p")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.role("advisor", "advisor-7"))
                .when().get("/api/v1/holders/" + holder + "/c2p")
                .then().statusCode(200);
        given().when().get("/api/v1/holders/" + holder + "/c2p")
                .then().statusCode(401).contentType("application/problem+json");
    }
}
