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
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@QuarkusTestResource(value = CpaTestResources.class, restrictToAnnotatedClass = false)
class HolderStatusTest {

    static String holderId() {
        return HolderRegistrationTest.register(TestNirs.forBirthDate(HolderRegistrationTest.BIRTH));
    }

    static String advisor() {
        return HolderRegistrationTest.advisor();
    }

    static String holderToken(String id) {
        return TestTokens.holder(UUID.fromString(id));
    }

    @Test
    void anAdvisorRecordsACivilServantAndHolderStatusChangedIsEmitted() {
        String id = holderId();
        given().auth().oauth2(advisor()).contentType(ContentType.JSON)
                .body(Map.of("status", "CIVIL_SERVANT", "category", "C", "from", "2024-09-01"))
                .when().post("/api/v1/holders/" + id + "/statuses")
                .then().statusCode(201)
                .body("status", equalTo("CIVIL_SERVANT")).body("category", equalTo("C")).body("to", nullValue());

        List<ConsumerRecord<String, String>> records = TestKafka.records(Topics.HOLDER, Duration.ofSeconds(20),
                r -> r.key().equals(id) && r.value().contains("HolderStatusChanged"));
        ConsumerRecord<String, String> changed = records.stream()
                .filter(r -> r.key().equals(id) && r.value().contains("\"type\":\"HolderStatusChanged\""))
                .findFirst().orElseThrow();
        assertTrue(changed.value().contains("\"status\":\"CIVIL_SERVANT\""), changed.value());
        assertTrue(changed.value().contains("\"category\":\"C\""), changed.value());
        assertTrue(changed.value().contains("\"from\":\"2024-09-01\""), changed.value());
    }

    @Test
    void situationsOverlapButTheSameOneTwiceIsRefused() {
        String id = holderId();
        String statuses = "/api/v1/holders/" + id + "/statuses";
        given().auth().oauth2(advisor()).contentType(ContentType.JSON)
                .body(Map.of("status", "EMPLOYEE", "from", "2020-01-01")).post(statuses).then().statusCode(201);
        given().auth().oauth2(advisor()).contentType(ContentType.JSON)
                .body(Map.of("status", "VOLUNTEER", "from", "2021-01-01")).post(statuses).then().statusCode(201);
        given().auth().oauth2(advisor()).contentType(ContentType.JSON)
                .body(Map.of("status", "EMPLOYEE", "from", "2022-01-01")).post(statuses)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("from"));
        given().auth().oauth2(holderToken(id)).get(statuses)
                .then().statusCode(200)
                .body("periods", hasSize(2))
                .body("current.status", hasItem("VOLUNTEER"));
    }

    @Test
    void aYoungPersonWithoutDiplomaGivenNoEndStopsBeingOneAt26() {
        LocalDate born = LocalDate.of(2004, 6, 20);
        String id = given().auth().oauth2(advisor()).contentType(ContentType.JSON)
                .body(Map.of("nir", TestNirs.forBirthDate(born), "lastName", "Petit", "firstName", "Jade",
                        "birthDate", born.toString()))
                .when().post("/api/v1/holders")
                .then().statusCode(201).extract().path("id");
        given().auth().oauth2(advisor()).contentType(ContentType.JSON)
                .body(Map.of("status", "YOUNG_WITHOUT_DIPLOMA", "from", "2022-09-01"))
                .when().post("/api/v1/holders/" + id + "/statuses")
                .then().statusCode(201)
                .body("to", equalTo("2030-06-19"));
    }

    @Test
    void aCivilServantWithoutCategoryIsRefusedNamingTheField() {
        String id = holderId();
        given().auth().oauth2(advisor()).contentType(ContentType.JSON)
                .body(Map.of("status", "CIVIL_SERVANT", "from", "2024-09-01"))
                .post("/api/v1/holders/" + id + "/statuses")
                .then().statusCode(400).body("errors.field", hasItem("category"));
    }

    @Test
    void anAdvisorEndsASituation() {
        String id = holderId();
        String statusId = given().auth().oauth2(advisor()).contentType(ContentType.JSON)
                .body(Map.of("status", "JOB_SEEKER", "from", "2023-01-01"))
                .post("/api/v1/holders/" + id + "/statuses").then().statusCode(201).extract().path("id");
        given().auth().oauth2(advisor()).contentType(ContentType.JSON).body(Map.of("to", "2023-06-30"))
                .patch("/api/v1/holders/" + id + "/statuses/" + statusId)
                .then().statusCode(200).body("to", equalTo("2023-06-30"));
    }

    @Test
    void aHolderReadsTheirOwnStatusesButNotAnothersAndCannotRecordSituations() {
        String mine = holderId();
        String theirs = holderId();
        given().auth().oauth2(holderToken(mine)).get("/api/v1/holders/" + theirs + "/statuses")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(holderToken(mine)).contentType(ContentType.JSON)
                .body(Map.of("status", "ESAT", "from", "2024-01-01"))
                .post("/api/v1/holders/" + mine + "/statuses")
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.token("employer", "payroll-1").siret("73282932000074").sign())
                .get("/api/v1/holders/" + mine + "/statuses")
                .then().statusCode(403);
    }

    @Test
    void theHolderDeclaresLowQualifiedFromJanuaryFirstAndOnlyTheHolderEndsIt() {
        String id = holderId();
        LocalDate januaryFirst = LocalDate.now().withDayOfYear(1);
        String statusId = given().auth().oauth2(holderToken(id))
                .post("/api/v1/holders/" + id + "/low-qualified")
                .then().statusCode(201)
                .body("status", equalTo("LOW_QUALIFIED"))
                .body("from", equalTo(januaryFirst.toString()))
                .body("declaredBy", equalTo("holder"))
                .extract().path("id");
        given().auth().oauth2(advisor()).post("/api/v1/holders/" + id + "/low-qualified")
                .then().statusCode(409);
        given().auth().oauth2(advisor()).contentType(ContentType.JSON).body(Map.of("to", LocalDate.now().toString()))
                .patch("/api/v1/holders/" + id + "/statuses/" + statusId)
                .then().statusCode(403);
        given().auth().oauth2(advisor()).contentType(ContentType.JSON).body(Map.of("to", LocalDate.now().toString()))
                .post("/api/v1/holders/" + id + "/low-qualified/end")
                .then().statusCode(403);
        given().auth().oauth2(holderToken(id)).contentType(ContentType.JSON).body(Map.of("to", LocalDate.now().toString()))
                .post("/api/v1/holders/" + id + "/low-qualified/end")
                .then().statusCode(200).body("to", equalTo(LocalDate.now().toString()));

        List<ConsumerRecord<String, String>> records = TestKafka.records(Topics.HOLDER, Duration.ofSeconds(20),
                r -> r.key().equals(id) && r.value().contains("\"to\":\"" + LocalDate.now() + "\""));
        long changes = records.stream()
                .filter(r -> r.key().equals(id) && r.value().contains("\"status\":\"LOW_QUALIFIED\"")).count();
        assertEquals(2, changes, "declared, then ended");
    }

    @Test
    void anotherHolderCannotDeclareLowQualifiedForMe() {
        String mine = holderId();
        given().auth().oauth2(holderToken(UUID.randomUUID().toString()))
                .post("/api/v1/holders/" + mine + "/low-qualified")
                .then().statusCode(403);
    }

    @Test
    void anAdvisorRecordsADisabledWorkerRecognitionButTheHolderCannot() {
        String id = holderId();
        given().auth().oauth2(holderToken(id)).contentType(ContentType.JSON).body(Map.of("from", "2023-02-01"))
                .post("/api/v1/holders/" + id + "/disabled-worker")
                .then().statusCode(403);
        given().auth().oauth2(advisor()).contentType(ContentType.JSON)
                .body(Map.of("from", "2023-02-01", "to", "2028-01-31"))
                .post("/api/v1/holders/" + id + "/disabled-worker")
                .then().statusCode(201).body("status", equalTo("DISABLED_WORKER")).body("to", equalTo("2028-01-31"));
    }

    @Test
    void anUnknownHolderIs404() {
        given().auth().oauth2(advisor()).contentType(ContentType.JSON)
                .body(Map.of("status", "EMPLOYEE", "from", "2020-01-01"))
                .post("/api/v1/holders/" + UUID.randomUUID() + "/statuses")
                .then().statusCode(404);
    }
}
