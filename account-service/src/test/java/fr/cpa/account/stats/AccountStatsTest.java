package fr.cpa.account.stats;

import fr.cpa.account.nir.Nir;
import fr.cpa.platform.identity.Siret;
import fr.cpa.testing.CpaTestResources;
import fr.cpa.testing.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** GET /api/v1/stats/accounts against seeded rows (exact figures) and through the API (exact differences). */
@QuarkusTest
@QuarkusTestResource(value = CpaTestResources.class, restrictToAnnotatedClass = false)
class AccountStatsTest {

    static final String ADVISOR = TestTokens.role("advisor", "advisor-stats");
    static final String INVALID_NIR = "employees[].nir: is not a valid NIR (15 characters whose last two are the key 97 − number mod 97)";

    @Inject
    EntityManager em;

    static String siret() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        StringBuilder digits = new StringBuilder("8");
        for (int i = 0; i < 12; i++) {
            digits.append(random.nextInt(10));
        }
        return digits.toString() + Siret.luhnCheckDigit(digits.toString());
    }

    static String nir() {
        String body = "18505" + "75" + String.format("%03d", ThreadLocalRandom.current().nextInt(1, 1000))
                + String.format("%03d", ThreadLocalRandom.current().nextInt(1, 1000));
        return body + String.format("%02d", Nir.key(body));
    }

    void seedDeclaration(String receivedAt, int employees) {
        em.createNativeQuery("""
                        insert into declaration (id, siret, period, version, status, body_hash, employees, exposures,
                        pending_holders, submitted_by, received_at) values (:id, :siret, '2003-02', 1, 'ACCEPTED',
                        'seed', :employees, 0, 0, 'seed', cast(:at as timestamptz))""")
                .setParameter("id", UUID.randomUUID()).setParameter("siret", siret()).setParameter("employees", employees).setParameter("at", receivedAt)
                .executeUpdate();
    }

    void seedRejection(String day, String reasons) {
        em.createNativeQuery("insert into declaration_rejection (day, siret, reasons) values (cast(:day as date), null, cast(:reasons as text[]))")
                .setParameter("day", day).setParameter("reasons", reasons).executeUpdate();
    }

    @Test
    void figuresOfASeededMonthAreExact() {
        QuarkusTransaction.requiringNew().run(() -> {
            // 2003-03-02: two accepted (3 + 5 employee-months) and one refused
            seedDeclaration("2003-03-02T08:00:00Z", 3);
            seedDeclaration("2003-03-02T23:59:59Z", 5);
            seedRejection("2003-03-02", "{\"siret: A\",\"period: B\"}");
            // 2003-03-03: one accepted (2); 2003-03-04: two refused; 2003-04-01 is outside the period
            seedDeclaration("2003-03-03T00:00:00Z", 2);
            seedRejection("2003-03-04", "{\"siret: A\"}");
            seedRejection("2003-03-04", "{\"siret: A\",\"employees[].nir: C\"}");
            seedDeclaration("2003-04-01T00:00:00Z", 7);
            seedRejection("2003-04-01", "{\"period: B\"}");
        });

        JsonPath stats = given().auth().oauth2(ADVISOR).queryParam("from", "2003-03-01").queryParam("to", "2003-03-31")
                .get("/api/v1/stats/accounts").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(
                Map.of("date", "2003-03-02", "received", 3, "accepted", 2, "rejected", 1, "employeeMonths", 8),
                Map.of("date", "2003-03-03", "received", 1, "accepted", 1, "rejected", 0, "employeeMonths", 2),
                Map.of("date", "2003-03-04", "received", 2, "accepted", 0, "rejected", 2, "employeeMonths", 0)),
                stats.getList("declarationsByDay"));
        assertEquals(0.5f, stats.getFloat("rejectionRate"), "3 refused of 6 received");
        assertEquals(List.of(Map.of("reason", "siret: A", "count", 3), Map.of("reason", "employees[].nir: C", "count", 1),
                Map.of("reason", "period: B", "count", 1)), stats.getList("topRejectionReasons"));

        // one day: 1 refused of 3 received = 0.3333 (4 decimals)
        given().auth().oauth2(ADVISOR).queryParam("from", "2003-03-02").queryParam("to", "2003-03-02")
                .get("/api/v1/stats/accounts").then().statusCode(200)
                .body("rejectionRate", equalTo(0.3333f)).body("declarationsByDay.size()", equalTo(1));
        // a period without anything: no day, rate 0
        given().auth().oauth2(ADVISOR).queryParam("from", "2002-01-01").queryParam("to", "2002-12-31")
                .get("/api/v1/stats/accounts").then().statusCode(200)
                .body("rejectionRate", equalTo(0.0f)).body("declarationsByDay.size()", equalTo(0))
                .body("topRejectionReasons.size()", equalTo(0));
    }

    static Map<String, Object> employee(String nir) {
        Map<String, Object> e = new HashMap<>();
        e.put("nir", nir);
        e.put("lastName", "Durand");
        e.put("firstName", "Paul");
        e.put("birthDate", "1985-05-10");
        e.put("contract", Map.of("nature", "CDI", "start", "2020-01-01", "status", "EMPLOYEE"));
        e.put("timeUnit", "HOURS");
        e.put("paidTime", 151.67);
        e.put("referenceTime", 151.67);
        e.put("partTimeRate", 100);
        return e;
    }

    static Map<String, Object> today(JsonPath stats) {
        List<Map<String, Object>> days = stats.getList("declarationsByDay");
        String date = LocalDate.now(ZoneOffset.UTC).toString();
        return days.stream().filter(d -> date.equals(d.get("date"))).findFirst()
                .orElse(Map.of("received", 0, "accepted", 0, "rejected", 0, "employeeMonths", 0));
    }

    static int count(JsonPath stats, String reason) {
        List<Map<String, Object>> reasons = stats.getList("topRejectionReasons");
        return reasons.stream().filter(r -> reason.equals(r.get("reason"))).mapToInt(r -> (Integer) r.get("count")).sum();
    }

    /** How many refused declarations of today give this reason, from the table the statistics read. */
    int rejectionsToday(String reason) {
        return ((Number) QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                        "select count(*) from declaration_rejection where day = :day and :reason = any(reasons)")
                .setParameter("day", LocalDate.now(ZoneOffset.UTC)).setParameter("reason", reason)
                .getSingleResult())).intValue();
    }

    static JsonPath todayStats() {
        String date = LocalDate.now(ZoneOffset.UTC).toString();
        return given().auth().oauth2(ADVISOR).queryParam("from", date).queryParam("to", date)
                .get("/api/v1/stats/accounts").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void aDeclarationAcceptedAndOneRefusedThroughTheApiAreCountedWithTheReasonWithoutValues() {
        JsonPath before = todayStats();
        int invalidNirBefore = rejectionsToday(INVALID_NIR);
        String siret = siret();
        String employer = TestTokens.token("employer", "payroll").siret(siret).sign();
        String period = LocalDate.now(ZoneOffset.UTC).minusMonths(1).toString().substring(0, 7);
        given().auth().oauth2(employer).contentType(ContentType.JSON)
                .body(Map.of("declarationId", UUID.randomUUID().toString(), "siret", siret, "period", period,
                        "employees", List.of(employee(nir()), employee(nir()))))
                .post("/api/v1/declarations").then().statusCode(201);
        String badNir = "185057512345600";
        given().auth().oauth2(employer).contentType(ContentType.JSON)
                .body(Map.of("declarationId", UUID.randomUUID().toString(), "siret", siret, "period", period,
                        "employees", List.of(employee(badNir), employee(nir()), employee(badNir.replace('1', '2')))))
                .post("/api/v1/declarations").then().statusCode(400);
        // refused for another SIRET (403) is not a refused declaration
        given().auth().oauth2(employer).contentType(ContentType.JSON)
                .body(Map.of("declarationId", UUID.randomUUID().toString(), "siret", siret(), "period", period,
                        "employees", List.of(employee(nir()))))
                .post("/api/v1/declarations").then().statusCode(403);

        JsonPath after = todayStats();
        Map<String, Object> was = today(before);
        Map<String, Object> is = today(after);
        assertEquals((Integer) was.get("received") + 2, is.get("received"));
        assertEquals((Integer) was.get("accepted") + 1, is.get("accepted"));
        assertEquals((Integer) was.get("rejected") + 1, is.get("rejected"));
        assertEquals((Integer) was.get("employeeMonths") + 2, is.get("employeeMonths"));
        // Other tests refuse declarations today too, so the reason may be outside the top 10 before or after:
        // the table says how often it was recorded, and the API must agree wherever it lists it.
        int invalidNir = rejectionsToday(INVALID_NIR);
        assertEquals(invalidNirBefore + 1, invalidNir, "two bad lines: one reason, once");
        List<Map<String, Object>> top = after.getList("topRejectionReasons");
        if (top.stream().noneMatch(r -> INVALID_NIR.equals(r.get("reason")))) {
            assertEquals(StatsService.TOP_REASONS, top.size(), "left out only when the list is full");
            assertTrue(top.stream().allMatch(r -> (Integer) r.get("count") >= invalidNir), "and only by reasons as frequent");
        } else {
            assertEquals(invalidNir, count(after, INVALID_NIR));
        }

        Object[] logged = (Object[]) QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                        "select siret, array_to_string(reasons, '|') from declaration_rejection where siret = :siret")
                .setParameter("siret", siret).getSingleResult());
        assertEquals(siret, logged[0]);
        assertEquals(INVALID_NIR, logged[1], "the reason, not the NIR");
    }

    @Test
    void holdersAreCountedBySituationInForceToday() {
        JsonPath before = todayStats();
        String id = given().auth().oauth2(ADVISOR).contentType(ContentType.JSON)
                .body(Map.of("nir", nir(), "lastName", "Martin", "firstName", "Léa", "birthDate", "1985-05-10"))
                .post("/api/v1/holders").then().statusCode(201).extract().path("id");
        given().auth().oauth2(ADVISOR).contentType(ContentType.JSON).body(Map.of("status", "VOLUNTEER", "from", "2024-01-01"))
                .post("/api/v1/holders/" + id + "/statuses").then().statusCode(201);
        String ended = given().auth().oauth2(ADVISOR).contentType(ContentType.JSON)
                .body(Map.of("status", "JOB_SEEKER", "from", "2023-01-01"))
                .post("/api/v1/holders/" + id + "/statuses").then().statusCode(201).extract().path("id");
        given().auth().oauth2(ADVISOR).contentType(ContentType.JSON).body(Map.of("to", "2023-06-30"))
                .patch("/api/v1/holders/" + id + "/statuses/" + ended).then().statusCode(200);
        JsonPath after = todayStats();
        assertEquals(holders(before, "VOLUNTEER") + 1, holders(after, "VOLUNTEER"));
        assertEquals(holders(before, "JOB_SEEKER"), holders(after, "JOB_SEEKER"), "an ended situation is not in force");
    }

    static int holders(JsonPath stats, String status) {
        List<Map<String, Object>> rows = stats.getList("holdersByStatus");
        return rows.stream().filter(r -> status.equals(r.get("status"))).mapToInt(r -> (Integer) r.get("count")).sum();
    }

    @Test
    void onlyAdvisorsAndAdminsReadTheStatistics() {
        given().get("/api/v1/stats/accounts").then().statusCode(401);
        given().auth().oauth2(TestTokens.holder(UUID.randomUUID())).get("/api/v1/stats/accounts").then().statusCode(403);
        given().auth().oauth2(TestTokens.token("employer", "p").siret("73282932000074").sign())
                .get("/api/v1/stats/accounts").then().statusCode(403);
        given().auth().oauth2(TestTokens.role("admin", "ops")).get("/api/v1/stats/accounts").then().statusCode(200);
        given().auth().oauth2(ADVISOR).queryParam("from", "2026-03-02").queryParam("to", "2026-03-01")
                .get("/api/v1/stats/accounts").then().statusCode(400).body("errors.field", hasItem("from"));
        given().auth().oauth2(ADVISOR).queryParam("to", "yesterday")
                .get("/api/v1/stats/accounts").then().statusCode(400).body("errors.field", hasItem("to"));
    }
}
