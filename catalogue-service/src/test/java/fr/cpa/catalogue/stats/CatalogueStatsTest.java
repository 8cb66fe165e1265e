package fr.cpa.catalogue.stats;

import fr.cpa.catalogue.support.Enrolments;
import fr.cpa.catalogue.support.Enrolments.Session;
import fr.cpa.catalogue.support.Fixtures;
import fr.cpa.catalogue.support.TestClock;
import fr.cpa.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code GET /api/v1/stats/catalogue} on seeded data. The database is shared by the module's tests, so
 * the figures are checked as exact differences before and after seeding, and the top certification by
 * a code only this test uses, with more money than any other test commits.
 */
@QuarkusTest
class CatalogueStatsTest {

    static final String ADVISOR = TestTokens.role("advisor", "advisor-stats");

    @AfterEach
    void realTime() {
        TestClock.reset();
    }

    static JsonPath stats() {
        return given().auth().oauth2(ADVISOR).when().get("/api/v1/stats/catalogue")
                .then().statusCode(200).body("asOf", notNullValue()).extract().jsonPath();
    }

    static int offers(JsonPath p, String region) {
        return number(p, "offersByRegion.find { it.region == '" + region + "' }.offers");
    }

    static int byType(JsonPath p, String type) {
        return number(p, "offersByCertificationType.find { it.certificationType == '" + type + "' }.offers");
    }

    static int enrolments(JsonPath p, String state, String region) {
        return number(p, "enrolmentsByStateAndRegion.find { it.state == '" + state + "' && it.region == '" + region + "' }.count");
    }

    /** A figure of the answer, 0 when its row is absent (nothing counted yet). */
    static int number(JsonPath p, String path) {
        Object v = p.get(path);
        return v == null ? 0 : ((Number) v).intValue();
    }

    @Test
    void figuresCountTheSeededOffersAndEnrolmentsExactly() {
        JsonPath before = stats();
        TestClock.setDay(LocalDate.of(2027, 6, 1));
        String code = "RNCP9" + String.format("%05d", (int) (Math.random() * 100_000));
        Map<String, Object> certification = Map.of("certificationType", "RNCP", "certificationCode", code,
                "certificationTitle", "Titre statistique " + code, "price", Map.of("amount", 9_000_000, "currency", "EUR"));
        // two offers in Corsica (region 94): one with two sessions' enrolments, one without enrolment
        Session corsica = Enrolments.session(LocalDate.of(2027, 9, 6), "2A", certification);
        Map<String, Object> bilan = new HashMap<>();
        bilan.put("certificationType", "BILAN");
        bilan.put("certificationCode", null);
        bilan.put("certificationTitle", "Bilan de compétences");
        Enrolments.session(LocalDate.of(2027, 9, 6), "2B", bilan);
        // a draft does not count
        String siret = Fixtures.siret();
        Fixtures.register(siret, LocalDate.now().plusYears(1).toString());
        Map<String, Object> draft = Fixtures.offer(siret + "_DRAFT", "Brouillon");
        draft.put("departmentCode", "2A");
        given().auth().oauth2(Fixtures.org(siret)).contentType("application/json").body(draft)
                .when().post("/api/v1/organisations/" + siret + "/offers").then().statusCode(201);

        UUID validatedHolder = UUID.randomUUID();
        String validated = Enrolments.requested(validatedHolder, corsica);
        Enrolments.fundsReserved(validatedHolder, validated, 8_500_000, 0);
        Enrolments.awaitState(validatedHolder, validated, "AWAITING_ORGANISATION");
        Enrolments.org(corsica, validated, "accept").statusCode(200);
        Enrolments.holder(validatedHolder, validated, "confirm").statusCode(200);
        UUID secondHolder = UUID.randomUUID();
        String second = Enrolments.requested(secondHolder, corsica);
        Enrolments.fundsReserved(secondHolder, second, 8_000_000, 0);
        Enrolments.awaitState(secondHolder, second, "AWAITING_ORGANISATION");
        Enrolments.org(corsica, second, "accept").statusCode(200);
        Enrolments.holder(secondHolder, second, "confirm").statusCode(200);
        UUID waitingHolder = UUID.randomUUID();
        Enrolments.requested(waitingHolder, corsica);

        JsonPath after = stats();
        assertEquals(2, offers(after, "94") - offers(before, "94"));
        assertEquals("Corse", after.getString("offersByRegion.find { it.region == '94' }.regionName"));
        assertEquals(1, byType(after, "RNCP") - byType(before, "RNCP"));
        assertEquals(1, byType(after, "BILAN") - byType(before, "BILAN"));
        assertEquals(2, enrolments(after, "VALIDATED", "94") - enrolments(before, "VALIDATED", "94"));
        assertEquals(1, enrolments(after, "REQUESTED", "94") - enrolments(before, "REQUESTED", "94"));

        List<Map<String, Object>> top = after.getList("topCertifications");
        Map<String, Object> first = top.get(0);
        assertEquals(code, first.get("certificationCode"));
        assertEquals("Titre statistique " + code, first.get("title"));
        assertEquals(2, first.get("enrolments"));
        assertEquals(Map.of("amount", 16_500_000, "currency", "EUR"), first.get("committed"));
        assertEquals(true, top.size() <= 10);
    }

    @Test
    void aHolderIsForbiddenAndAnAnonymousCallerUnauthorised() {
        given().auth().oauth2(TestTokens.holder(UUID.randomUUID())).when().get("/api/v1/stats/catalogue")
                .then().statusCode(403);
        given().when().get("/api/v1/stats/catalogue").then().statusCode(401);
        given().auth().oauth2(TestTokens.role("admin", "admin-stats")).when().get("/api/v1/stats/catalogue")
                .then().statusCode(200).body("offersByRegion", notNullValue()).body("topCertifications.size()",
                        org.hamcrest.Matchers.lessThanOrEqualTo(10));
    }
}
