package fr.cpa.account.access;

import fr.cpa.account.nir.Nir;
import fr.cpa.testing.CpaTestResources;
import fr.cpa.testing.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The advisor's look-up by NIR, audited, and the access log only the holder reads (issue 10). */
@QuarkusTest
@QuarkusTestResource(value = CpaTestResources.class, restrictToAnnotatedClass = false)
class AdvisorLookupTest {

    @Inject
    EntityManager em;

    static String nir() {
        String body = "28505" + "75" + String.format("%03d", ThreadLocalRandom.current().nextInt(1, 1000))
                + String.format("%03d", ThreadLocalRandom.current().nextInt(1, 1000));
        return body + String.format("%02d", Nir.key(body));
    }

    static String register(String nir) {
        return given().auth().oauth2(TestTokens.role("advisor", "registrar")).contentType(ContentType.JSON)
                .body(Map.of("nir", nir, "lastName", "Martin", "firstName", "Léa", "birthDate", "1985-05-10"))
                .post("/api/v1/holders").then().statusCode(201).extract().path("id");
    }

    static io.restassured.response.ValidatableResponse lookup(String token, Object body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .post("/api/v1/holders/lookup").then();
    }

    @Test
    void anAdvisorFindsAHolderByNirAndTheHolderSeesWhoWhenAndWhy() {
        String nir = nir();
        String id = register(nir);
        lookup(TestTokens.role("advisor", "advisor-4521"), Map.of("nir", nir, "reason", "rendez-vous du 3 mars"))
                .statusCode(200)
                .body("holderId", equalTo(id))
                .body("summary.holderId", equalTo(id))
                .body("summary.cpf.available.amount", equalTo(0))
                .body(not(containsString(nir)));

        String holder = TestTokens.holder(UUID.fromString(id));
        given().auth().oauth2(holder).get("/api/v1/holders/" + id + "/access-log").then().statusCode(200)
                .body("$", hasSize(1))
                .body("[0].accessor", equalTo("advisor-4521"))
                .body("[0].role", equalTo("advisor"))
                .body("[0].action", equalTo("LOOKUP"))
                .body("[0].reason", equalTo("rendez-vous du 3 mars"))
                .body("[0].at", notNullValue());
    }

    @Test
    void aLookUpThatFindsNobodyIsRecordedTooWithoutTheNir() {
        String reason = "not found " + UUID.randomUUID();
        lookup(TestTokens.role("admin", "ops-1"), Map.of("nir", nir(), "reason", reason))
                .statusCode(404).contentType("application/problem+json");
        Object[] row = (Object[]) QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                        "select accessor, accessor_role, found, holder_id from holder_access_log where reason = :reason")
                .setParameter("reason", reason).getSingleResult());
        assertEquals("ops-1", row[0]);
        assertEquals("admin", row[1]);
        assertEquals(false, row[2]);
        assertEquals(null, row[3]);
    }

    @Test
    void aLookUpNeedsAReasonAValidNirAndAnAdvisor() {
        String nir = nir();
        register(nir);
        String advisor = TestTokens.role("advisor", "a");
        lookup(advisor, Map.of("nir", nir)).statusCode(400).body("errors.field", hasItem("reason"));
        lookup(advisor, Map.of("nir", nir, "reason", " ")).statusCode(400).body("errors.field", hasItem("reason"));
        lookup(advisor, Map.of("nir", "185057512345600", "reason", "x")).statusCode(400).body("errors.field", hasItem("nir"));
        lookup(TestTokens.holder(UUID.randomUUID()), Map.of("nir", nir, "reason", "curious")).statusCode(403);
        lookup(TestTokens.role("service", "training-rights-service"), Map.of("nir", nir, "reason", "x")).statusCode(403);
        given().contentType(ContentType.JSON).body(Map.of("nir", nir, "reason", "x")).post("/api/v1/holders/lookup")
                .then().statusCode(401);
    }

    @Test
    void everyStaffReadOfTheSummaryIsLoggedAndTheHoldersOwnIsNot() {
        String id = register(nir());
        String holder = TestTokens.holder(UUID.fromString(id));
        given().auth().oauth2(holder).get("/api/v1/holders/" + id + "/summary").then().statusCode(200);
        given().auth().oauth2(TestTokens.role("advisor", "advisor-77")).queryParam("reason", "dossier VAE")
                .get("/api/v1/holders/" + id + "/summary").then().statusCode(200);
        given().auth().oauth2(TestTokens.role("service", "app-1")).queryParam("reason", "relevé annuel")
                .get("/api/v1/holders/" + id + "/summary").then().statusCode(200);
        given().auth().oauth2(holder).get("/api/v1/holders/" + id + "/access-log").then().statusCode(200)
                .body("$", hasSize(2))
                .body("[0].accessor", equalTo("app-1")).body("[0].action", equalTo("SUMMARY_READ"))
                .body("[0].role", equalTo("service")).body("[0].reason", equalTo("relevé annuel"))
                .body("[1].accessor", equalTo("advisor-77")).body("[1].reason", equalTo("dossier VAE"));
    }

    @Test
    void staffReadTheSummaryOnlyWithAReasonAndTheHolderNeedsNone() {
        String id = register(nir());
        String path = "/api/v1/holders/" + id + "/summary";
        for (String staff : new String[]{TestTokens.role("advisor", "advisor-12"), TestTokens.role("admin", "ops-3"),
                TestTokens.role("service", "app-2")}) {
            given().auth().oauth2(staff).get(path).then().statusCode(400).contentType("application/problem+json")
                    .body("errors.field", hasItem("reason"));
            given().auth().oauth2(staff).queryParam("reason", "  ").get(path).then().statusCode(400)
                    .body("errors.field", hasItem("reason"));
            given().auth().oauth2(staff).queryParam("reason", "x".repeat(501)).get(path).then().statusCode(400)
                    .contentType("application/problem+json").body("errors.field", hasItem("reason"));
        }
        // an unknown holder: the missing reason is what is refused, the account's existence is not told
        given().auth().oauth2(TestTokens.role("advisor", "advisor-12")).get("/api/v1/holders/" + UUID.randomUUID() + "/summary")
                .then().statusCode(400).body("errors.field", hasItem("reason"));
        given().auth().oauth2(TestTokens.role("advisor", "advisor-12")).queryParam("reason", "x".repeat(500))
                .get(path).then().statusCode(200);
        given().auth().oauth2(TestTokens.holder(UUID.fromString(id))).get(path).then().statusCode(200);
        // only the read with a reason is in the log: a refused one served nothing
        given().auth().oauth2(TestTokens.holder(UUID.fromString(id))).get("/api/v1/holders/" + id + "/access-log")
                .then().statusCode(200).body("$", hasSize(1)).body("[0].reason", equalTo("x".repeat(500)));
    }

    @Test
    void onlyTheHolderReadsTheirAccessLog() {
        String id = register(nir());
        given().auth().oauth2(TestTokens.holder(UUID.randomUUID())).get("/api/v1/holders/" + id + "/access-log")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.role("advisor", "a")).get("/api/v1/holders/" + id + "/access-log")
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.role("admin", "a")).get("/api/v1/holders/" + id + "/access-log")
                .then().statusCode(403);
        given().get("/api/v1/holders/" + id + "/access-log").then().statusCode(401);
        given().auth().oauth2(TestTokens.holder(UUID.fromString(id))).get("/api/v1/holders/" + id + "/access-log")
                .then().statusCode(200).body("$", hasSize(0));
    }
}
