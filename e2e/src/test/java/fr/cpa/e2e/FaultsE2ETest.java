package fr.cpa.e2e;

import fr.cpa.testing.KafkaServer;
import fr.cpa.testing.PostgresServer;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Issue 12, faults: a stream of payroll declarations — {@value #EMPLOYEES} employees over
 * {@value #MONTHS} months, i.e. {@value #EMPLOYEES} holders created from unknown NIRs and
 * {@value #EMPLOYEES}×{@value #MONTHS} employee-months, each an event account-service publishes and
 * training-rights consumes — flows while, in turn, the Kafka broker is stopped for 30 s, the consuming
 * service is killed with SIGKILL mid-batch and restarted, and its database refuses it for 20 s.
 * Afterwards every accepted employee-month is in training-rights exactly once, the ledger invariant
 * holds and no dead-letter topic received anything.
 */
@ExtendWith(SuiteExtension.class)
@Order(Integer.MAX_VALUE - 4)
class FaultsE2ETest {

    static final int EMPLOYEES = 2_500;
    static final int MONTHS = 4;
    private static final String SIRET = "35600000000048"; // La Poste's head office: a SIRET no other test uses

    @Test
    void nothingAcceptedIsLostOrAppliedTwiceThroughABrokerOutageAConsumerKillAndADatabaseLoss() throws Exception {
        String employer = SuiteExtension.token(Map.of("role", "employer", "subject", "payroll-faults", "siret", SIRET));
        List<String> nirs = nirs();
        long start = System.nanoTime();

        // 1. The broker stops: declarations are still accepted (into the outbox), then it comes back.
        KafkaServer kafka = SuiteExtension.stack().kafka().orElseThrow();
        kafka.stop();
        declare(employer, nirs, "2025-01");
        declare(employer, nirs, "2025-02");
        Thread.sleep(30_000);
        kafka.start();
        report("broker outage of 30 s over 2 declarations (" + EMPLOYEES * 2 + " employee-months, "
                + EMPLOYEES + " new holders)", start);

        // 2. The consumer is killed with SIGKILL while it applies a month, then restarted.
        declare(employer, nirs, "2025-03");
        await().atMost(Duration.ofMinutes(8)).pollInterval(Duration.ofMillis(200))
                .until(() -> count("2025-03") > 0);
        long atKill = count("2025-03");
        SuiteExtension.stack().killService("training-rights");
        report("training-rights killed with " + atKill + "/" + EMPLOYEES + " of 2025-03 applied", start);
        SuiteExtension.stack().startService("training-rights");

        // 3. Its database refuses it for 20 s (new connections refused, open ones cut) while it applies a month.
        declare(employer, nirs, "2025-04");
        await().atMost(Duration.ofMinutes(8)).pollInterval(Duration.ofMillis(200))
                .until(() -> count("2025-04") > 0);
        try (Connection admin = connect("postgres"); Statement sql = admin.createStatement()) {
            sql.execute("alter database training_rights allow_connections false");
            sql.execute("select pg_terminate_backend(pid) from pg_stat_activity where datname = 'training_rights'");
            Thread.sleep(20_000);
            sql.execute("alter database training_rights allow_connections true");
        }
        report("training-rights' database refused it for 20 s", start);

        // Every employee-month, exactly once; the ledger's cached balances equal its entries; no dead letter.
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            for (int month = 1; month <= MONTHS; month++) {
                assertEquals(EMPLOYEES, count("2025-0" + month), "employee-months of 2025-0" + month + " in training-rights");
            }
        });
        try (Connection db = connect("training_rights"); Statement sql = db.createStatement();
             ResultSet rows = sql.executeQuery("select count(*), count(distinct (holder_id, period)) from activity_month where siret = '" + SIRET + "'")) {
            rows.next();
            assertEquals(EMPLOYEES * MONTHS, rows.getLong(1));
            assertEquals(rows.getLong(1), rows.getLong(2), "an employee-month applied twice");
        }
        String admin = SuiteExtension.token("admin", "admin-faults");
        String invariant = given().auth().oauth2(admin).when().get("/api/v1/admin/cpf/invariant")
                .then().statusCode(anyOf(is(200))).extract().asString();
        Map<String, Long> deadLetters = deadLetters(admin);
        deadLetters.forEach((topic, records) -> assertEquals(0L, records, "records in " + topic));
        report("all " + EMPLOYEES * MONTHS + " employee-months applied once; invariant " + abbreviate(invariant)
                + "; dead-letter topics checked: " + deadLetters.keySet(), start);
    }

    /** One declaration of every employee for {@code period}, accepted before the call returns. */
    private static void declare(String employer, List<String> nirs, String period) {
        List<Map<String, Object>> employees = new ArrayList<>(nirs.size());
        for (String nir : nirs) {
            employees.add(Requests.employee(nir, "Martin", "Claire", "1990-11-02", List.of()));
        }
        given().auth().oauth2(employer).contentType(ContentType.JSON)
                .body(Map.of("declarationId", UUID.randomUUID().toString(), "siret", SIRET, "period", period, "employees", employees))
                .when().post("/api/v1/declarations")
                .then().statusCode(anyOf(is(200), is(201), is(202)));
    }

    /** Women born in November 1990 in Lyon: valid keys, and no other test's NIRs. */
    private static List<String> nirs() {
        List<String> nirs = new ArrayList<>(EMPLOYEES);
        for (int i = 0; i < EMPLOYEES; i++) {
            String body = "2901169" + String.format("%03d", 100 + i / 900) + String.format("%03d", 1 + i % 900);
            String nir = body + String.format("%02d", 97 - Long.parseLong(body) % 97);
            nirs.add(nir);
            HolderRegistrationE2ETest.NIRS_USED.add(nir);
        }
        return nirs;
    }

    private static long count(String period) throws SQLException {
        try (Connection db = connect("training_rights");
             PreparedStatement sql = db.prepareStatement("select count(*) from activity_month where siret = ? and period = ?")) {
            sql.setString(1, SIRET);
            sql.setString(2, period);
            try (ResultSet rows = sql.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            return -1; // refused while the test locks the database out
        }
    }

    /** Every service's dead-letter topics and their record counts, from each one's operations figures. */
    private static Map<String, Long> deadLetters(String adminToken) {
        Map<String, Long> all = new LinkedHashMap<>();
        for (String service : List.of("account", "training-rights", "hardship", "civic-engagement", "catalogue")) {
            List<Map<String, Object>> topics = given().baseUri(SuiteExtension.stack().serviceUrl(service))
                    .auth().oauth2(adminToken).when().get("/api/v1/stats/operations")
                    .then().statusCode(200).extract().path("deadLetters");
            topics.forEach(t -> all.put(service + ":" + t.get("topic"), ((Number) t.get("records")).longValue()));
        }
        return all;
    }

    private static Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(SuiteExtension.stack().jdbcUrl(database), PostgresServer.USER, PostgresServer.PASSWORD);
    }

    private static void report(String step, long start) {
        System.out.printf("faults: %-80s after %.1f s%n", step, (System.nanoTime() - start) / 1e9);
    }

    private static String abbreviate(String body) {
        return body.length() > 160 ? body.substring(0, 160) + "…" : body;
    }
}
