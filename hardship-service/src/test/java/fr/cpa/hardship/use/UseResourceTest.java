package fr.cpa.hardship.use;

import fr.cpa.hardship.support.C2pEvents;
import fr.cpa.testing.CpaTestResources;
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
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Uses of points through {@code POST /api/v1/holders/{id}/c2p/uses}, and the account they leave. */
@QuarkusTest
@QuarkusTestResource(value = CpaTestResources.class, restrictToAnnotatedClass = false)
class UseResourceTest {

    /** Born 1960: 10 points reserved, retirement open; 2024 and 2025 with three factors: 12 + 12 points. */
    private static UUID holderWith24Points() {
        UUID holder = C2pEvents.registeredHolder(LocalDate.of(1960, 6, 1));
        for (int year : new int[]{2024, 2025}) {
            C2pEvents.declare(holder, UUID.randomUUID(), 1, year, "NIGHT_WORK", 150, "NIGHTS", 12, year + 1 + "-01-05T10:00:00Z");
            C2pEvents.declare(holder, UUID.randomUUID(), 1, year, "NOISE", 700, "HOURS", 12, year + 1 + "-01-05T10:00:00Z");
            C2pEvents.declare(holder, UUID.randomUUID(), 1, year, "REPETITIVE_WORK", 1000, "HOURS", 12, year + 1 + "-01-05T10:00:00Z");
        }
        await().atMost(Duration.ofSeconds(120)).untilAsserted(() ->
                given().auth().oauth2(TestTokens.holder(holder)).when().get("/api/v1/holders/" + holder + "/c2p")
                        .then().statusCode(200).body("total", equalTo(24)));
        return holder;
    }

    /** The holder logged in with FranceConnect+ (acr substantial), as using points requires. */
    private static String strong(UUID holder) {
        return TestTokens.token("holder", holder.toString()).acr("substantial").sign();
    }

    private static io.restassured.response.Response post(UUID holder, String token, String body) {
        return given().auth().oauth2(token).contentType("application/json").body(body)
                .when().post("/api/v1/holders/" + holder + "/c2p/uses");
    }

    @Test
    void aTrainingUseIsAppliedAndItsConversionReachesTheBroker() {
        UUID holder = holderWith24Points();
        given().auth().oauth2(TestTokens.holder(holder)).when().get("/api/v1/holders/" + holder + "/c2p")
                .then().body("acquired", equalTo(24)).body("reserved", equalTo(10))
                .body("usable.TRAINING", equalTo(24)).body("usable.RETIREMENT", equalTo(10))
                .body("years.year", equalTo(java.util.List.of(2024, 2025)))
                .body("years[0].points", equalTo(12));

        String useId = post(holder, strong(holder), "{\"use\": \"TRAINING\", \"points\": 4}")
                .then().statusCode(201)
                .body("use", equalTo("TRAINING")).body("points", equalTo(4))
                .body("amount.amount", equalTo(200000)).body("amount.currency", equalTo("EUR"))
                .body("explanation", hasItem(containsString("500 €")))
                .extract().path("id");

        var records = TestKafka.records("cpa.c2p.v1", Duration.ofSeconds(30), r -> r.value().contains(useId));
        assertTrue(records.stream().anyMatch(r -> r.key().equals(holder.toString())
                && r.value().contains("\"type\":\"C2pPointsConverted\"")
                && r.value().contains("\"useId\":\"" + useId + "\"")
                && r.value().contains("\"amount\":200000")), "C2pPointsConverted on cpa.c2p.v1");

        // 20 left, 6 of the 10 reserved still reserved: retirement may take 10, not 20
        post(holder, strong(holder), "{\"use\": \"RETIREMENT\", \"points\": 20}")
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors.message", hasItem(containsString("reserved")));
        post(holder, strong(holder), "{\"use\": \"RETIREMENT\", \"points\": 10}")
                .then().statusCode(201).body("quarters", equalTo(1)).body("amount", equalTo(null));

        given().auth().oauth2(TestTokens.holder(holder)).when().get("/api/v1/holders/" + holder + "/c2p")
                .then().body("total", equalTo(10)).body("used", equalTo(14)).body("reserved", equalTo(6));
        given().auth().oauth2(TestTokens.role("advisor", "advisor-7")).when().get("/api/v1/holders/" + holder + "/c2p/uses")
                .then().statusCode(200).body("", hasSize(2)).body("use", equalTo(java.util.List.of("TRAINING", "RETIREMENT")));
    }

    @Test
    void everyUseSendsThePointsLeftSoThatPartTimeLowersTheSummaryToo() {
        UUID holder = holderWith24Points();
        String useId = post(holder, strong(holder), "{\"use\": \"PART_TIME\", \"points\": 10}")
                .then().statusCode(201).body("amount", equalTo(null)).extract().path("id");

        var records = TestKafka.records("cpa.c2p.v1", Duration.ofSeconds(30), r -> r.value().contains(useId));
        assertTrue(records.stream().anyMatch(r -> r.key().equals(holder.toString())
                && r.value().contains("\"type\":\"C2pPointsUsed\"")
                && r.value().contains("\"use\":\"PART_TIME\"")
                && r.value().contains("\"points\":10")
                && r.value().contains("\"usedOn\":\"")
                && r.value().contains("\"totalAfter\":14")), "C2pPointsUsed on cpa.c2p.v1");
        // no money: nothing for training-rights to credit
        assertTrue(records.stream().noneMatch(r -> r.value().contains(useId)
                        && r.value().contains("\"type\":\"C2pPointsConverted\"")),
                "no C2pPointsConverted for part-time");

        // a training use sends both: the conversion for the CPF and the points left for the summary
        String trainingId = post(holder, strong(holder), "{\"use\": \"TRAINING\", \"points\": 4}")
                .then().statusCode(201).extract().path("id");
        var training = TestKafka.records("cpa.c2p.v1", Duration.ofSeconds(30),
                r -> r.value().contains(trainingId) && r.value().contains("\"type\":\"C2pPointsUsed\""));
        assertTrue(training.stream().anyMatch(r -> r.value().contains(trainingId)
                && r.value().contains("\"type\":\"C2pPointsUsed\"") && r.value().contains("\"use\":\"TRAINING\"")
                && r.value().contains("\"totalAfter\":10")), "C2pPointsUsed for training");
    }

    @Test
    void usingPointsNeedsALoginOfLevelSubstantial() {
        UUID holder = holderWith24Points();
        String body = "{\"use\": \"TRAINING\", \"points\": 1}";
        post(holder, TestTokens.holder(holder), body)
                .then().statusCode(401).contentType("application/problem+json")
                .body("type", containsString("strong-authentication-required"));
        post(holder, TestTokens.token("holder", holder.toString()).acr("low").sign(), body).then().statusCode(401);
        post(holder, TestTokens.token("holder", holder.toString()).acr("high").sign(), body).then().statusCode(201);
        given().auth().oauth2(TestTokens.holder(holder)).when().get("/api/v1/holders/" + holder + "/c2p")
                .then().body("total", equalTo(23));
    }

    @Test
    void aRefusalListsEveryReason() {
        UUID holder = holderWith24Points();
        post(holder, strong(holder), "{\"use\": \"PART_TIME\", \"points\": 25}")
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors", hasSize(3))
                .body("errors.message", hasItem(containsString("24 on the account")))
                .body("errors.message", hasItem(containsString("blocks of 10")))
                .body("errors.message", hasItem(containsString("reserved")));
        given().auth().oauth2(TestTokens.holder(holder)).when().get("/api/v1/holders/" + holder + "/c2p/uses")
                .then().statusCode(200).body("", hasSize(0));
    }

    @Test
    void aBadRequestNamesEachField() {
        UUID holder = UUID.randomUUID();
        post(holder, strong(holder), "{\"use\": \"SKIING\", \"points\": 0}")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("use", "points"));
        // a fraction of a point is refused, not cut to 2 (platform's WholeNumbersOnly)
        post(holder, strong(holder), "{\"use\": \"TRAINING\", \"points\": 2.5}")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("points"));
    }

    @Test
    void aRetriedUseWithTheSameKeyIsAppliedOnce() {
        UUID holder = holderWith24Points();
        String first = given().auth().oauth2(strong(holder)).header("Idempotency-Key", "use-1")
                .contentType("application/json").body("{\"use\": \"TRAINING\", \"points\": 1}")
                .when().post("/api/v1/holders/" + holder + "/c2p/uses").then().statusCode(201).extract().path("id");
        given().auth().oauth2(strong(holder)).header("Idempotency-Key", "use-1")
                .contentType("application/json").body("{\"use\": \"TRAINING\", \"points\": 1}")
                .when().post("/api/v1/holders/" + holder + "/c2p/uses").then().statusCode(201).body("id", equalTo(first));
        given().auth().oauth2(TestTokens.holder(holder)).when().get("/api/v1/holders/" + holder + "/c2p")
                .then().body("total", equalTo(23));
    }

    @Test
    void onlyTheHolderUsesTheirPointsAndEmployersSeeNothing() {
        UUID holder = C2pEvents.registeredHolder(LocalDate.of(1975, 6, 1));
        String body = "{\"use\": \"TRAINING\", \"points\": 1}";
        post(holder, TestTokens.holder(UUID.randomUUID()), body).then().statusCode(403).contentType("application/problem+json");
        post(holder, TestTokens.role("advisor", "advisor-7"), body).then().statusCode(403);
        given().contentType("application/json").body(body).when().post("/api/v1/holders/" + holder + "/c2p/uses")
                .then().statusCode(401);
        String employer = TestTokens.token("employer", "payroll-1").siret(C2pEvents.SIRET).sign();
        for (String path : new String[]{"/c2p", "/c2p/uses", "/c2p/exposures"}) {
            given().auth().oauth2(employer).when().get("/api/v1/holders/" + holder + path).then().statusCode(403);
            given().auth().oauth2(TestTokens.holder(UUID.randomUUID())).when().get("/api/v1/holders/" + holder + path)
                    .then().statusCode(403);
            given().auth().oauth2(TestTokens.role("advisor", "advisor-7")).when().get("/api/v1/holders/" + holder + path)
                    .then().statusCode(200);
        }
    }

    @Test
    void anAwardAfterAUseReportsThePointsLeftOnTheAccount() {
        UUID holder = holderWith24Points();
        post(holder, strong(holder), "{\"use\": \"TRAINING\", \"points\": 4}").then().statusCode(201);
        C2pEvents.declare(holder, UUID.randomUUID(), 1, 2023, "NIGHT_WORK", 150, "NIGHTS", 12, "2024-01-05T10:00:00Z");
        var records = TestKafka.records("cpa.c2p.v1", Duration.ofSeconds(120),
                r -> r.key().equals(holder.toString()) && r.value().contains("\"year\":2023"));
        assertTrue(records.stream().anyMatch(r -> r.key().equals(holder.toString()) && r.value().contains("\"year\":2023")
                && r.value().contains("\"points\":4") && r.value().contains("\"totalAfter\":24")),
                "C2pPointsAwarded for 2023 with 24 + 4 - 4 points left");
        given().auth().oauth2(TestTokens.holder(holder)).when().get("/api/v1/holders/" + holder + "/c2p")
                .then().body("total", equalTo(24)).body("acquired", equalTo(28)).body("used", equalTo(4));
    }
}
