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
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@QuarkusTestResource(value = CpaTestResources.class, restrictToAnnotatedClass = false)
class HolderRegistrationTest {

    static final LocalDate BIRTH = LocalDate.of(1985, 5, 10);

    static String advisor() {
        return TestTokens.role("advisor", "advisor-1");
    }

    static Map<String, Object> body(String nir) {
        return Map.of("nir", nir, "lastName", "Durand", "firstName", "Paul", "birthDate", BIRTH.toString());
    }

    static String register(String nir) {
        return given().auth().oauth2(advisor()).contentType(ContentType.JSON).body(body(nir))
                .when().post("/api/v1/holders")
                .then().statusCode(201)
                .header("Location", containsString("/api/v1/holders/"))
                .body("id", notNullValue())
                .body("lastName", equalTo("Durand"))
                .body("$", not(org.hamcrest.Matchers.hasKey("nir")))
                .extract().path("id");
    }

    @Test
    void registeringEmitsHolderRegisteredOnceWithoutTheNir() {
        String nir = TestNirs.forBirthDate(BIRTH);
        String id = register(nir);

        List<ConsumerRecord<String, String>> records = TestKafka.records(Topics.HOLDER, Duration.ofSeconds(20),
                r -> r.key().equals(id));
        List<ConsumerRecord<String, String>> ours = records.stream().filter(r -> r.key().equals(id)).toList();
        assertEquals(1, ours.size(), "one HolderRegistered keyed by the holder id");
        String value = ours.get(0).value();
        assertTrue(value.contains("\"type\":\"HolderRegistered\""), value);
        assertTrue(value.contains("\"birthDate\":\"1985-05-10\""), value);
        assertTrue(!value.contains(nir), "the NIR never travels in an event");
    }

    @Test
    void invalidNirIsRefusedNamingTheField() {
        given().auth().oauth2(advisor()).contentType(ContentType.JSON).body(body("255081416802537"))
                .when().post("/api/v1/holders")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://cpa.local/problems/validation"))
                .body("errors.field", hasItem("nir"));
    }

    @Test
    void nirThatContradictsTheBirthDateIsRefused() {
        given().auth().oauth2(advisor()).contentType(ContentType.JSON)
                .body(body(TestNirs.forBirthDate(LocalDate.of(1990, 5, 10))))
                .when().post("/api/v1/holders")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("nir"))
                .body("errors.message", hasItem(containsString("birthDate")));
    }

    @Test
    void everyMissingFieldIsNamed() {
        given().auth().oauth2(advisor()).contentType(ContentType.JSON).body(Map.of("lastName", ""))
                .when().post("/api/v1/holders")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("birthDate", "firstName", "lastName", "nir"));
    }

    @Test
    void wrongTypesAndBrokenJsonAreProblems() {
        given().auth().oauth2(advisor()).contentType(ContentType.JSON)
                .body("{\"nir\":\"255081416802538\",\"lastName\":\"D\",\"firstName\":\"P\",\"birthDate\":\"10/05/1985\"}")
                .when().post("/api/v1/holders")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("birthDate"));
        given().auth().oauth2(advisor()).contentType(ContentType.JSON).body("{\"nir\": ")
                .when().post("/api/v1/holders")
                .then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void aSecondRegistrationOfTheSameNirConflicts() {
        String nir = TestNirs.forBirthDate(BIRTH);
        register(nir);
        given().auth().oauth2(advisor()).contentType(ContentType.JSON).body(body(nir.substring(0, 5) + " " + nir.substring(5)))
                .when().post("/api/v1/holders")
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://cpa.local/problems/holder-exists"));
    }

    @Test
    void aHolderReadsTheirOwnIdentityButNotAnothers() {
        String mine = register(TestNirs.forBirthDate(BIRTH));
        String theirs = register(TestNirs.forBirthDate(BIRTH));
        given().auth().oauth2(TestTokens.holder(UUID.fromString(mine)))
                .when().get("/api/v1/holders/" + mine)
                .then().statusCode(200).body("id", equalTo(mine));
        given().auth().oauth2(TestTokens.holder(UUID.fromString(mine)))
                .when().get("/api/v1/holders/" + theirs)
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void onlyAdvisorsAdminsAndServicesRegister() {
        given().auth().oauth2(TestTokens.token("employer", "payroll-1").siret("73282932000074").sign())
                .contentType(ContentType.JSON).body(body(TestNirs.forBirthDate(BIRTH)))
                .when().post("/api/v1/holders")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.holder(UUID.randomUUID()))
                .contentType(ContentType.JSON).body(body(TestNirs.forBirthDate(BIRTH)))
                .when().post("/api/v1/holders")
                .then().statusCode(403);
    }

    @Test
    void withoutAValidTokenTheAnswerIs401() {
        given().contentType(ContentType.JSON).body(body(TestNirs.forBirthDate(BIRTH)))
                .when().post("/api/v1/holders")
                .then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2("not-a-jwt")
                .when().get("/api/v1/holders/" + UUID.randomUUID())
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void unknownHolderIs404ForStaff() {
        given().auth().oauth2(advisor())
                .when().get("/api/v1/holders/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
    }
}
