package fr.cpa.e2e;

import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;

/**
 * Rights earned in one service land on the CPF in another, through the outbox and Kafka:
 * a civic-service year credited by the CEC reaches the CPF's CEC pot (240 €, DOMAIN.md §3), and a
 * night worker's year of exposure gives 4 C2P points whose conversion to training reaches the CPF
 * as 2 000 € (4 × 500 € from Sep 2023, DOMAIN.md §2).
 */
@ExtendWith(SuiteExtension.class)
class RightsReachTheCpfE2ETest {

    static final String SIRET = "73282932000074";

    static String registerHolder(String nir) {
        String advisor = SuiteExtension.token("advisor", "advisor-e2e");
        String id = given().auth().oauth2(advisor).contentType(ContentType.JSON)
                .body(HolderRegistrationE2ETest.holder(nir))
                .when().post("/api/v1/holders")
                .then().statusCode(201).extract().path("id");
        String token = SuiteExtension.token("holder", id);
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() ->
                given().auth().oauth2(token).when().get("/api/v1/holders/" + id + "/cpf").then().statusCode(200));
        return id;
    }

    @Test
    void aCivicServiceYearReachesTheCecPotOfTheCpf() {
        String id = registerHolder(HolderRegistrationE2ETest.nir());
        String holder = SuiteExtension.token("holder", id);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().auth().oauth2(holder).when().get("/api/v1/holders/" + id + "/cec").then().statusCode(200));

        given().auth().oauth2(SuiteExtension.token("service", "agence-service-civique"))
                .contentType(ContentType.JSON)
                .body(Map.of("reference", UUID.randomUUID().toString(), "engagements", List.of(
                        Map.of("holderId", id, "year", 2025, "kind", "CIVIC_SERVICE", "months", 6))))
                .when().post("/api/v1/engagements/batch")
                .then().statusCode(anyOf(is(200), is(201)));

        await().atMost(Duration.ofSeconds(90)).untilAsserted(() ->
                given().auth().oauth2(holder).when().get("/api/v1/holders/" + id + "/cpf")
                        .then().statusCode(200)
                        .body("cec.amount", equalTo(24000))
                        .body("ordinary.amount", equalTo(0)));
        given().auth().oauth2(holder).when().get("/api/v1/holders/" + id + "/cec")
                .then().statusCode(200).body("credit.amount", equalTo(24000));
    }

    @Test
    void aNightWorkersPointsConvertedToTrainingReachTheCpf() {
        String nir = HolderRegistrationE2ETest.nir();
        String id = registerHolder(nir);
        String holder = SuiteExtension.token("holder", id);

        Map<String, Object> employee = Requests.employee(nir, "Durand", "Paul", "1985-05-10",
                List.of(Map.of("factor", "NIGHT_WORK", "nights", 110)));
        given().auth().oauth2(SuiteExtension.token(Map.of("role", "employer", "subject", "payroll-e2e", "siret", SIRET)))
                .contentType(ContentType.JSON)
                .body(Map.of("declarationId", UUID.randomUUID().toString(), "siret", SIRET, "period", "2025-12",
                        "employees", List.of(employee)))
                .when().post("/api/v1/declarations")
                .then().statusCode(anyOf(is(200), is(201), is(202)));

        // 2025 is closed: 110 nights ≥ 100 all year, one factor → 4 points
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() ->
                given().auth().oauth2(holder).when().get("/api/v1/holders/" + id + "/c2p")
                        .then().statusCode(200).body("total", equalTo(4)));

        // born in 1985: the first 20 points are reserved for training, so all 4 may go to training
        // using points needs the holder's FranceConnect+ login (acr substantial), at the gateway and in the service
        String strongHolder = SuiteExtension.token(Map.of("role", "holder", "subject", id, "acr", "substantial"));
        given().auth().oauth2(strongHolder).contentType(ContentType.JSON)
                .body(Map.of("use", "TRAINING", "points", 4))
                .when().post("/api/v1/holders/" + id + "/c2p/uses")
                .then().statusCode(201);

        await().atMost(Duration.ofSeconds(90)).untilAsserted(() ->
                given().auth().oauth2(holder).when().get("/api/v1/holders/" + id + "/cpf")
                        .then().statusCode(200)
                        .body("pots.find { it.pot == 'C2P' }.balance.amount", equalTo(200000)));
    }
}
