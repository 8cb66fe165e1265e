package fr.cpa.account.holder;

import fr.cpa.testing.CpaTestResources;
import fr.cpa.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@QuarkusTestResource(value = CpaTestResources.class, restrictToAnnotatedClass = false)
class IdempotencyKeyTest {

    private final String token = TestTokens.role("service", "onboarding");

    private Map<String, Object> body(String nir) {
        return Map.of("nir", nir, "lastName", "Martin", "firstName", "Léa", "birthDate", "1985-05-10");
    }

    @Test
    void aReplayReturnsTheFirstAnswerAndRegistersOnce() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = body(TestNirs.forBirthDate(LocalDate.of(1985, 5, 10)));
        String first = given().auth().oauth2(token).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/holders")
                .then().statusCode(201).extract().path("id");
        String replayed = given().auth().oauth2(token).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/holders")
                .then().statusCode(201)
                .header("Idempotency-Replayed", "true")
                .header("Location", endsWith("/api/v1/holders/" + first))
                .extract().path("id");
        assertEquals(first, replayed);
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefused() {
        String key = UUID.randomUUID().toString();
        given().auth().oauth2(token).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(body(TestNirs.forBirthDate(LocalDate.of(1985, 5, 10))))
                .when().post("/api/v1/holders")
                .then().statusCode(201);
        given().auth().oauth2(token).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(body(TestNirs.forBirthDate(LocalDate.of(1985, 5, 10))))
                .when().post("/api/v1/holders")
                .then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("https://cpa.local/problems/idempotency-key-reused"));
    }

    @Test
    void aFailedFirstTryLeavesTheKeyFree() {
        String key = UUID.randomUUID().toString();
        given().auth().oauth2(token).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(body("255081416802537"))
                .when().post("/api/v1/holders")
                .then().statusCode(400);
        given().auth().oauth2(token).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(body(TestNirs.forBirthDate(LocalDate.of(1985, 5, 10))))
                .when().post("/api/v1/holders")
                .then().statusCode(201);
    }
}
