package fr.cpa.civic.stats;

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

/**
 * GET /api/v1/stats/cec on seeded declarations and credits: exact figures (as differences, since
 * the module's other tests share the database), staff only.
 */
@QuarkusTest
@QuarkusTestResource(value = CpaTestResources.class, restrictToAnnotatedClass = false)
class CecStatsTest {

    @Inject
    EntityManager em;

    @Test
    void declarationsAreCountedByStateAndCreditsByActivityInEurosAndInHours() {
        JsonPath before = stats();
        QuarkusTransaction.requiringNew().run(() -> {
            UUID a = account();
            UUID b = account();
            engagement(a, 2025, "PENDING");
            engagement(a, 2024, "VALIDATED");
            engagement(b, 2024, "VALIDATED");
            engagement(b, 2023, "LAPSED");
            // never decided, and its validation closed on 31 Dec 2024: lapsed, though stored as pending
            engagement(b, 2022, "PENDING");
            credit(a, 2024, "CIVIC_SERVICE", "CENTS", 24_000);
            credit(b, 2024, "CIVIC_SERVICE", "CENTS", 24_000);
            credit(b, 2018, "CIVIC_SERVICE", "MINUTES", 20 * 60);
        });
        JsonPath after = stats();

        assertEquals(1, diff(before, after, state("PENDING")));
        assertEquals(2, diff(before, after, state("VALIDATED")));
        assertEquals(2, diff(before, after, state("LAPSED")));
        assertEquals(0, diff(before, after, state("REJECTED")));
        assertEquals(3, diff(before, after, activity("CIVIC_SERVICE") + ".credits"));
        assertEquals(48_000, diff(before, after, activity("CIVIC_SERVICE") + ".amount.amount"));
        assertEquals(1_200, diff(before, after, activity("CIVIC_SERVICE") + ".minutes"));
        assertEquals("EUR", after.getString(activity("CIVIC_SERVICE") + ".amount.currency"));
    }

    @Test
    void onlyAdvisorsAndAdminsReadTheFigures() {
        given().auth().oauth2(TestTokens.holder(UUID.randomUUID()))
                .when().get("/api/v1/stats/cec")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.token("association", "asso-1").rna("W751234567").sign())
                .when().get("/api/v1/stats/cec")
                .then().statusCode(403);
        given().when().get("/api/v1/stats/cec")
                .then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.role("admin", "admin-1"))
                .when().get("/api/v1/stats/cec")
                .then().statusCode(200);
    }

    private static String state(String state) {
        return "declarationsByState.find { it.state == '" + state + "' }.count";
    }

    private static String activity(String kind) {
        return "creditsByActivity.find { it.activity == '" + kind + "' }";
    }

    private static long diff(JsonPath before, JsonPath after, String path) {
        return value(after, path) - value(before, path);
    }

    private static long value(JsonPath stats, String path) {
        Number n = stats.get(path);
        return n == null ? 0 : n.longValue();
    }

    private static JsonPath stats() {
        return given().auth().oauth2(TestTokens.role("advisor", "advisor-1"))
                .when().get("/api/v1/stats/cec")
                .then().statusCode(200).extract().jsonPath();
    }

    private UUID account() {
        UUID holder = UUID.randomUUID();
        em.createNativeQuery("insert into cec_account (holder_id, opened_at) values (:holder, now())")
                .setParameter("holder", holder).executeUpdate();
        return holder;
    }

    private void engagement(UUID holder, int year, String status) {
        em.createNativeQuery("""
                        insert into engagement (id, holder_id, declaration_id, year, kind, origin, status, months,
                                                declared_at, declared_by)
                        values (:id, :holder, :declaration, :year, 'CIVIC_SERVICE', 'SERVICE', :status, 6, now(), 'seeded')""")
                .setParameter("id", UUID.randomUUID()).setParameter("holder", holder)
                .setParameter("declaration", UUID.randomUUID()).setParameter("year", year)
                .setParameter("status", status).executeUpdate();
    }

    private void credit(UUID holder, int year, String kind, String unit, long value) {
        em.createNativeQuery("""
                        insert into cec_credit (id, holder_id, year, kind, unit, value, explanation, credited_at)
                        values (:id, :holder, :year, :kind, :unit, :value, 'seeded', now())""")
                .setParameter("id", UUID.randomUUID()).setParameter("holder", holder).setParameter("year", year)
                .setParameter("kind", kind).setParameter("unit", unit).setParameter("value", value).executeUpdate();
    }
}
