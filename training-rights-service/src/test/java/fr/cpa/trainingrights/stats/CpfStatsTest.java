package fr.cpa.trainingrights.stats;

import fr.cpa.testing.CpaTestResources;
import fr.cpa.testing.TestTokens;
import fr.cpa.trainingrights.ledger.LedgerInvariant;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code GET /api/v1/stats/cpf} on seeded ledger entries dated 2001 (no other test writes there), with the
 * accounts' cached balances equal to their entries so the ledger invariant still holds.
 */
@QuarkusTest
@QuarkusTestResource(value = CpaTestResources.class, restrictToAnnotatedClass = false)
class CpfStatsTest {

    static final String PERIOD = "?from=2001-01-01&to=2001-12-31";
    static boolean seeded;

    @Inject
    EntityManager em;
    @Inject
    LedgerInvariant invariant;

    @AfterEach
    void ledgerStillAddsUp() {
        LedgerInvariant.Report report = invariant.check();
        assertTrue(report.holds(), report.toString());
    }

    @BeforeEach
    void seed() {
        if (seeded) {
            return;
        }
        seeded = true;
        UUID s1 = UUID.randomUUID();
        UUID s2 = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            account(s1, 20_000, 24_000, 90_000, 8);
            account(s2, 25_000, 0, 0, 2);
            entry(s1, 1, "ACQUISITION", "ORDINARY", 50_000, 0, 2000, null, "2001-02-10T12:00:00Z");
            entry(s1, 2, "TOP_UP", "TOP_UP:" + UUID.randomUUID(), 30_000, 0, null, "OPCO opco-42", "2001-03-05T09:00:00Z");
            entry(s1, 3, "TOP_UP", "TOP_UP:" + UUID.randomUUID(), 10_000, 0, null, "REGION young-without-diploma", "2001-03-05T10:00:00Z");
            entry(s1, 4, "CEC", "CEC", 24_000, 0, null, null, "2001-03-06T09:00:00Z");
            entry(s1, 5, "C2P", "C2P", 50_000, 0, null, null, "2001-03-06T10:00:00Z");
            entry(s1, 6, "HOLD", "ORDINARY", 0, 40_000, null, null, "2001-03-10T09:00:00Z");
            entry(s1, 7, "CAPTURE", "ORDINARY", -30_000, -30_000, null, null, "2001-04-02T09:00:00Z");
            entry(s1, 8, "RELEASE", "ORDINARY", 0, -10_000, null, null, "2001-04-03T09:00:00Z");
            entry(s2, 1, "ACQUISITION", "ORDINARY", 20_000, 0, 2000, null, "2001-02-10T12:00:00Z");
            entry(s2, 2, "CORRECTION", "ORDINARY", 5_000, 0, 2000, null, "2001-05-01T12:00:00Z");
        });
    }

    void account(UUID holder, long ordinary, long cec, long topUps, long entries) {
        em.createNativeQuery("""
                        insert into cpf_account (holder_id, birth_date, opened_at, ordinary_cents, cec_cents, top_up_cents, held_cents,
                                                 entry_count) values (:h, '1980-01-01', '2001-01-01T00:00:00Z', :o, :c, :t, 0, :n)""")
                .setParameter("h", holder).setParameter("o", ordinary).setParameter("c", cec).setParameter("t", topUps)
                .setParameter("n", entries).executeUpdate();
    }

    void entry(UUID holder, long line, String kind, String pot, long amount, long held, Integer year, String funder, String at) {
        em.createNativeQuery("""
                        insert into cpf_entry (id, holder_id, line, kind, pot, amount_cents, held_cents, minutes, year, funder,
                                               explanation, created_at)
                        values (:id, :h, :line, :kind, :pot, :amount, :held, 0, :year, :funder, '[]', cast(:at as timestamptz))""")
                .setParameter("id", UUID.randomUUID()).setParameter("h", holder).setParameter("line", line)
                .setParameter("kind", kind).setParameter("pot", pot).setParameter("amount", amount).setParameter("held", held)
                .setParameter("year", year).setParameter("funder", funder).setParameter("at", at).executeUpdate();
    }

    @Test
    void creditsByYearKindAndFunderAndSpendingByMonthHaveTheExactFigures() {
        var body = given().auth().oauth2(TestTokens.role("advisor", "agent-7")).when().get("/api/v1/stats/cpf" + PERIOD)
                .then().statusCode(200).extract().jsonPath();
        assertTrue(body.getString("asOf").startsWith("20"));
        List<Map<String, Object>> credits = body.getList("creditsByYear");
        assertEquals(List.of(
                line(2000, "ACQUISITION", null, 3, 75_000), // two acquisitions and the correction of one of them
                line(2001, "C2P", null, 1, 50_000),
                line(2001, "CEC", null, 1, 24_000),
                line(2001, "TOP_UP", "OPCO", 1, 30_000),
                line(2001, "TOP_UP", "REGION", 1, 10_000)), credits);
        List<Map<String, Object>> spending = body.getList("spendingByMonth");
        assertEquals(List.of(month("2001-03", 40_000, 0, 0), month("2001-04", 0, 30_000, 10_000)), spending);
    }

    static Map<String, Object> line(int year, String kind, String funderType, int entries, int cents) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("year", year);
        m.put("kind", kind);
        m.put("funderType", funderType);
        m.put("entries", entries);
        m.put("amount", Map.of("amount", cents, "currency", "EUR"));
        return m;
    }

    static Map<String, Object> month(String month, int held, int captured, int released) {
        return Map.of("month", month, "held", Map.of("amount", held, "currency", "EUR"),
                "captured", Map.of("amount", captured, "currency", "EUR"), "released", Map.of("amount", released, "currency", "EUR"));
    }

    @Test
    void theDefaultPeriodIsTheLastTwelveMonthsAndBadDatesAreNamed() {
        given().auth().oauth2(TestTokens.role("admin", "ops")).when().get("/api/v1/stats/cpf")
                .then().statusCode(200).body("creditsByYear.year", not(hasItem(2000)))
                .body("spendingByMonth.month", not(hasItem("2001-03")));
        given().auth().oauth2(TestTokens.role("admin", "ops")).when().get("/api/v1/stats/cpf?from=2001-13-01")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("from"));
        given().auth().oauth2(TestTokens.role("admin", "ops")).when().get("/api/v1/stats/cpf?from=2002-01-01&to=2001-01-01")
                .then().statusCode(400).body("errors[0].field", equalTo("from"));
    }

    @Test
    void aHolderIsForbiddenAndAnAnonymousCallerUnauthorised() {
        given().auth().oauth2(TestTokens.holder(UUID.randomUUID())).when().get("/api/v1/stats/cpf").then().statusCode(403);
        given().when().get("/api/v1/stats/cpf").then().statusCode(401);
    }
}
