package fr.cpa.e2e;

import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

/**
 * The Foundation's proof, through the gateway on the running suite: an advisor registers a holder;
 * HolderRegistered travels through the outbox and Kafka; training-rights, hardship and
 * civic-engagement open the accounts; the holder reads them, another holder cannot.
 */
@ExtendWith(SuiteExtension.class)
class HolderRegistrationE2ETest {

    /** A valid NIR for a man born in May 1985 (key = 97 − number mod 97), random enough not to collide. */
    /** Every NIR the e2e tests sent, so that NoNirInLogsE2ETest can look for each in the logs. */
    static final Set<String> NIRS_USED = ConcurrentHashMap.newKeySet();

    static String nir() {
        String body = "18505" + "75" + String.format("%03d", ThreadLocalRandom.current().nextInt(1, 1000))
                + String.format("%03d", ThreadLocalRandom.current().nextInt(1, 1000));
        long key = 97 - Long.parseLong(body) % 97;
        String nir = body + String.format("%02d", key);
        NIRS_USED.add(nir);
        return nir;
    }

    static Map<String, Object> holder(String nir) {
        return Map.of("nir", nir, "lastName", "Durand", "firstName", "Paul", "birthDate", "1985-05-10");
    }

    @Test
    void aRegisteredHolderGetsEmptyAccountsInEveryServiceAndOnlyTheyReadThem() {
        String advisor = SuiteExtension.token("advisor", "advisor-e2e");
        String nir = nir();
        String id = given().auth().oauth2(advisor).contentType(ContentType.JSON).body(holder(nir))
                .when().post("/api/v1/holders")
                .then().statusCode(201)
                .header("X-Request-Id", notNullValue())
                .body("id", notNullValue())
                .extract().path("id");

        String mine = SuiteExtension.token("holder", id);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().auth().oauth2(mine).when().get("/api/v1/holders/" + id + "/cpf")
                        .then().statusCode(200)
                        .body("ordinary.amount", equalTo(0))
                        .body("available.amount", equalTo(0)));
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() ->
                given().auth().oauth2(mine).when().get("/api/v1/holders/" + id + "/c2p").then().statusCode(200));
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() ->
                given().auth().oauth2(mine).when().get("/api/v1/holders/" + id + "/cec").then().statusCode(200));
        given().auth().oauth2(mine).when().get("/api/v1/holders/" + id)
                .then().statusCode(200).body("id", equalTo(id));

        // another holder is refused, by every service
        String another = SuiteExtension.token("holder", java.util.UUID.randomUUID().toString());
        for (String path : new String[]{"", "/cpf", "/c2p", "/cec"}) {
            given().auth().oauth2(another).when().get("/api/v1/holders/" + id + path)
                    .then().statusCode(403).contentType("application/problem+json");
        }

        // the same NIR again is a conflict; a wrong key names the field
        given().auth().oauth2(advisor).contentType(ContentType.JSON).body(holder(nir))
                .when().post("/api/v1/holders")
                .then().statusCode(409).contentType("application/problem+json");
        String wrongKey = nir.substring(0, 13) + String.format("%02d", (Integer.parseInt(nir.substring(13)) % 97) + 1);
        given().auth().oauth2(advisor).contentType(ContentType.JSON).body(holder(wrongKey))
                .when().post("/api/v1/holders")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("nir"));
    }

    @Test
    void aForgedTokenIsStoppedAtTheGateway() {
        given().auth().oauth2("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl")
                .when().get("/api/v1/holders/" + java.util.UUID.randomUUID())
                .then().statusCode(401).contentType("application/problem+json");
    }
}
