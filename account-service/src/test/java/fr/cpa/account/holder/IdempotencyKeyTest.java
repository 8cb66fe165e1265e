package fr.cpa.account.holder;

import fr.cpa.platform.event.EventJson;
import fr.cpa.testing.CpaTestResources;
import fr.cpa.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

@QuarkusTest
@QuarkusTestResource(value = CpaTestResources.class, restrictToAnnotatedClass = false)
class IdempotencyKeyTest {

    private final String token = TestTokens.role("service", "onboarding");

    @Inject
    EntityManager em;

    @Inject
    EventJson json;

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
    void theStoredRequestHashCannotGiveTheNirBack() throws Exception {
        // An unkeyed hash of the plain request would: names and birth date are in the holder table,
        // and the birth date leaves ~10^8 NIRs to try.
        String key = UUID.randomUUID().toString();
        String nir = TestNirs.forBirthDate(LocalDate.of(1985, 5, 10));
        given().auth().oauth2(token).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(body(nir))
                .when().post("/api/v1/holders")
                .then().statusCode(201);
        String stored = (String) QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                        "select request_hash from idempotency_record where idem_key = :key")
                .setParameter("key", key).getSingleResult());
        String plain = json.write(new RegisterHolderRequest(nir, "Martin", "Léa", LocalDate.of(1985, 5, 10)));
        assertNotEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(plain.getBytes(StandardCharsets.UTF_8))), stored);
        assertFalse(stored.contains(nir));
    }

    @Test
    void aRetryWritingTheSameNirWithSpacesIsTheSameRequest() {
        String key = UUID.randomUUID().toString();
        String nir = TestNirs.forBirthDate(LocalDate.of(1985, 5, 10));
        String first = given().auth().oauth2(token).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(body(nir))
                .when().post("/api/v1/holders")
                .then().statusCode(201).extract().path("id");
        String spaced = nir.charAt(0) + " " + nir.substring(1, 3) + " " + nir.substring(3);
        given().auth().oauth2(token).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(body(spaced))
                .when().post("/api/v1/holders")
                .then().statusCode(201)
                .header("Idempotency-Replayed", "true")
                .body("id", equalTo(first));
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
