package fr.cpa.account.skills;

import fr.cpa.account.nir.Nir;
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
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@QuarkusTestResource(value = CpaTestResources.class, restrictToAnnotatedClass = false)
class SkillsTest {

    static final String PROFILE = """
            {"skills": [{"label": "comptabilité", "rome": "M1203", "formacode": "32663"}, {"label": "Excel"}],
             "diplomas": [{"title": "BTS comptabilité et gestion", "level": 5, "year": 2006}],
             "targetJobs": ["M1203", "M1805"], "region": "11"}""";

    static String register() {
        String body = "18505" + "75" + String.format("%03d", ThreadLocalRandom.current().nextInt(1, 1000))
                + String.format("%03d", ThreadLocalRandom.current().nextInt(1, 1000));
        String nir = body + String.format("%02d", Nir.key(body));
        return given().auth().oauth2(TestTokens.role("advisor", "a")).contentType(ContentType.JSON)
                .body(Map.of("nir", nir, "lastName", "Martin", "firstName", "Léa", "birthDate", "1985-05-10"))
                .post("/api/v1/holders").then().statusCode(201).extract().path("id");
    }

    @Test
    void theHolderSetsTheirSkillsAndTheCatalogueHearsOfIt() {
        String id = register();
        String token = TestTokens.holder(UUID.fromString(id));
        given().auth().oauth2(token).contentType(ContentType.JSON).body(PROFILE)
                .put("/api/v1/holders/" + id + "/skills")
                .then().statusCode(200).body("targetJobs", containsInAnyOrder("M1203", "M1805"));
        given().auth().oauth2(token).get("/api/v1/holders/" + id + "/skills")
                .then().statusCode(200).body("diplomas[0].level", equalTo(5)).body("region", equalTo("11"));

        ConsumerRecord<String, String> event = TestKafka.records(Topics.HOLDER, Duration.ofSeconds(20),
                        r -> id.equals(r.key()) && r.value().contains("HolderSkillsUpdated"))
                .stream().filter(r -> id.equals(r.key()) && r.value().contains("HolderSkillsUpdated")).findFirst().orElseThrow();
        assertTrue(event.value().contains("\"skills\":[\"comptabilité\",\"Excel\",\"M1203\",\"32663\"]"), event.value());
        assertTrue(event.value().contains("\"targetJobs\":[\"M1203\",\"M1805\"]"), event.value());
        assertTrue(event.value().contains("\"region\":\"11\""), event.value());
    }

    @Test
    void anotherHolderCannotReadOrWriteMySkills() {
        String id = register();
        String other = TestTokens.holder(UUID.randomUUID());
        given().auth().oauth2(other).contentType(ContentType.JSON).body(PROFILE)
                .put("/api/v1/holders/" + id + "/skills").then().statusCode(403);
        given().auth().oauth2(other).get("/api/v1/holders/" + id + "/skills").then().statusCode(403);
    }

    @Test
    void badCodesAreNamedByTheirPath() {
        String id = register();
        given().auth().oauth2(TestTokens.role("advisor", "a")).contentType(ContentType.JSON)
                .body("""
                        {"skills": [{"label": "x", "rome": "Z12"}], "diplomas": [{"title": "CAP", "level": 9}],
                         "targetJobs": ["M18050"], "region": "99"}""")
                .put("/api/v1/holders/" + id + "/skills")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("skills[0].rome", "diplomas[0].level", "targetJobs[0]", "region"));
    }
}
