package fr.cpa.hardship.stats;

import fr.cpa.testing.CpaTestResources;
import fr.cpa.testing.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** GET /api/v1/stats/c2p on seeded awards and uses: exact figures, staff only. */
@QuarkusTest
@QuarkusTestResource(value = CpaTestResources.class, restrictToAnnotatedClass = false)
class C2pStatsTest {

    /** A year no other test of this module uses, so its figures are this test's alone. */
    private static final int YEAR = 1997;

    @Inject
    EntityManager em;

    @Test
    void pointsAreCountedByFactorAndYearAndHoldersOfSeveralFactorsOnlyOnce() {
        UUID night1 = UUID.randomUUID();
        UUID night2 = UUID.randomUUID();
        UUID both = UUID.randomUUID();
        UUID noPoints = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            exposure(night1, "NIGHT_WORK");
            exposure(night2, "NIGHT_WORK");
            exposure(both, "NIGHT_WORK");
            exposure(both, "REPETITIVE_WORK");
            exposure(noPoints, "NOISE");
            award(night1, 4);
            award(night2, 3);
            award(both, 8);
            award(noPoints, 0); // below the thresholds all year: no points, not counted
        });

        JsonPath stats = stats();
        assertEquals(2, stats.getInt(row("NIGHT_WORK") + ".holders"));
        assertEquals(7, stats.getInt(row("NIGHT_WORK") + ".points"));
        assertEquals(1, stats.getInt(row("MULTIPLE") + ".holders"));
        assertEquals(8, stats.getInt(row("MULTIPLE") + ".points"));
        assertNull(stats.get(row("REPETITIVE_WORK")));
        assertNull(stats.get(row("NOISE")));
    }

    @Test
    void usesAreCountedByKind() {
        JsonPath before = stats();
        QuarkusTransaction.requiringNew().run(() -> {
            use("TRAINING", 4);
            use("TRAINING", 8);
            use("PART_TIME", 10);
        });
        JsonPath after = stats();
        assertEquals(2, count(after, "TRAINING", "uses") - count(before, "TRAINING", "uses"));
        assertEquals(12, count(after, "TRAINING", "points") - count(before, "TRAINING", "points"));
        assertEquals(1, count(after, "PART_TIME", "uses") - count(before, "PART_TIME", "uses"));
        assertEquals(10, count(after, "PART_TIME", "points") - count(before, "PART_TIME", "points"));
    }

    @Test
    void onlyAdvisorsAndAdminsReadTheFigures() {
        given().auth().oauth2(TestTokens.holder(UUID.randomUUID()))
                .when().get("/api/v1/stats/c2p")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.token("employer", "payroll-1").siret("73282932000074").sign())
                .when().get("/api/v1/stats/c2p")
                .then().statusCode(403);
        given().when().get("/api/v1/stats/c2p")
                .then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.role("admin", "admin-1"))
                .when().get("/api/v1/stats/c2p")
                .then().statusCode(200);
    }

    private static String row(String factor) {
        return "pointsByFactorAndYear.find { it.year == " + YEAR + " && it.factor == '" + factor + "' }";
    }

    private static long count(JsonPath stats, String kind, String field) {
        Number n = stats.get("usesByKind.find { it.kind == '" + kind + "' }." + field);
        return n == null ? 0 : n.longValue();
    }

    private static JsonPath stats() {
        return given().auth().oauth2(TestTokens.role("advisor", "advisor-1"))
                .when().get("/api/v1/stats/c2p")
                .then().statusCode(200).extract().jsonPath();
    }

    private void exposure(UUID holder, String factor) {
        em.createNativeQuery("""
                        insert into c2p_exposure (holder_id, year, siret, factor, unit, quantity, months, declaration_id,
                                                  declaration_version, declared_at)
                        values (:holder, :year, '73282932000074', :factor, 'NIGHTS', 120, 12, :declaration, 1, now())""")
                .setParameter("holder", holder).setParameter("year", YEAR).setParameter("factor", factor)
                .setParameter("declaration", UUID.randomUUID()).executeUpdate();
    }

    private void award(UUID holder, int points) {
        em.createNativeQuery("""
                        insert into c2p_year_award (holder_id, year, points, explanation, assessed_at)
                        values (:holder, :year, :points, 'seeded', now())""")
                .setParameter("holder", holder).setParameter("year", YEAR).setParameter("points", points).executeUpdate();
    }

    private void use(String kind, int points) {
        em.createNativeQuery("""
                        insert into c2p_use (id, holder_id, use_kind, points, used_on, explanation, created_at)
                        values (:id, :holder, :kind, :points, date '2026-01-15', 'seeded', now())""")
                .setParameter("id", UUID.randomUUID()).setParameter("holder", UUID.randomUUID())
                .setParameter("kind", kind).setParameter("points", points).executeUpdate();
    }
}
