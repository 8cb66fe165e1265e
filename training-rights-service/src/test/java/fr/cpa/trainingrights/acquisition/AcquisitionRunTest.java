package fr.cpa.trainingrights.acquisition;

import fr.cpa.platform.contract.Topics;
import fr.cpa.testing.CpaTestResources;
import fr.cpa.testing.TestEvents;
import fr.cpa.testing.TestKafka;
import fr.cpa.testing.TestTokens;
import fr.cpa.trainingrights.Accounts;
import fr.cpa.trainingrights.ledger.LedgerInvariant;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Declared activity from Kafka → the yearly run → explained ledger entries; crash and resume. */
@QuarkusTest
@QuarkusTestResource(value = CpaTestResources.class, restrictToAnnotatedClass = false)
class AcquisitionRunTest {

    static final String ADMIN = TestTokens.role("admin", "ops");
    /** 1 607 h / 12, in minutes */
    static final long MONTH = 8035;

    @Inject
    AcquisitionRuns runs;
    @Inject
    LedgerInvariant invariant;
    @Inject
    EntityManager em;

    @AfterEach
    void ledgerStillAddsUp() {
        LedgerInvariant.Report report = invariant.check();
        assertTrue(report.holds(), report.toString());
    }

    static void declare(UUID holder, UUID declaration, int version, String period, long paid, long reference) {
        TestKafka.send(Topics.ACTIVITY, holder.toString(), TestEvents.envelope(UUID.randomUUID(), "ActivityDeclared",
                "account-service", holder, """
                        {"holderId":"%s","declarationId":"%s","version":%d,"siret":"73282932000074","period":"%s",
                         "status":"EMPLOYEE","category":null,"timeUnit":"HOURS","paidTime":%d,"referenceTime":%d,
                         "partTimeRate":100,"grossPay":null,"countedAbsences":[]}""".formatted(holder, declaration, version, period, paid, reference)));
    }

    static void fullYear(UUID holder, int year) {
        for (int m = 1; m <= 12; m++) {
            declare(holder, UUID.randomUUID(), 1, "%d-%02d".formatted(year, m), MONTH, MONTH);
        }
    }

    long paidMinutes(UUID holder, int year) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                        "select coalesce(sum(paid_time), -1) from activity_month where holder_id = :h and year = :y")
                .setParameter("h", holder).setParameter("y", year).getSingleResult()).longValue());
    }

    boolean consumed(UUID eventId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from processed_event where event_id = :id").setParameter("id", eventId).getSingleResult()).longValue() > 0);
    }

    long acquisitions(UUID holder, int year) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                        "select count(*) from cpf_entry where holder_id = :h and year = :y and kind = 'ACQUISITION'")
                .setParameter("h", holder).setParameter("y", year).getSingleResult()).longValue());
    }

    static UUID startRun(int year, int status) {
        return UUID.fromString(given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"year\": " + year + "}")
                .when().post("/api/v1/admin/acquisition-runs")
                .then().statusCode(status).extract().path("id"));
    }

    static io.restassured.response.ValidatableResponse cpf(UUID holder) {
        return given().auth().oauth2(TestTokens.holder(holder)).when().get("/api/v1/holders/" + holder + "/cpf").then().statusCode(200);
    }

    @Test
    void theRunCreditsEachHolderOnceWithAnExplanation() {
        UUID fullTime = Accounts.open();
        UUID partTime = Accounts.open();
        UUID withdrawn = Accounts.open();
        fullYear(fullTime, 2025);
        UUID declaration = UUID.randomUUID();
        declare(partTime, declaration, 1, "2025-03", 2000, MONTH);
        // version 2 of the same declaration replaces version 1; a late version 1 changes nothing
        declare(partTime, declaration, 2, "2025-03", 4000, MONTH);
        declare(partTime, declaration, 1, "2025-03", 2000, MONTH);
        UUID cancelled = UUID.randomUUID();
        declare(withdrawn, cancelled, 1, "2025-05", MONTH, MONTH);
        UUID withdrawal = UUID.randomUUID();
        TestKafka.send(Topics.ACTIVITY, withdrawn.toString(), TestEvents.envelope(withdrawal, "ActivityWithdrawn",
                "account-service", withdrawn, "{\"holderId\":\"%s\",\"declarationId\":\"%s\",\"period\":\"2025-05\"}".formatted(withdrawn, cancelled)));
        UUID marker = Accounts.open(); // same topic order per key: wait on each holder's own figures
        // no figures before the declaration is consumed nor after its withdrawal: wait for the withdrawal itself, or a
        // fast run could come between them (and the late declaration then credit the holder until its withdrawal)
        await().atMost(Duration.ofSeconds(60)).until(() -> paidMinutes(fullTime, 2025) == 12 * MONTH
                && paidMinutes(partTime, 2025) == 4000 && consumed(withdrawal) && paidMinutes(withdrawn, 2025) == -1);

        UUID run = startRun(2025, 202);
        assertEquals(run, startRun(2025, 200), "one run per year: a repeat returns it");
        runs.resume(run);

        given().auth().oauth2(ADMIN).when().get("/api/v1/admin/acquisition-runs/" + run)
                .then().statusCode(200).body("status", equalTo("DONE")).body("pending", equalTo(0))
                .body("failed", equalTo(0)).body("year", equalTo(2025));
        cpf(fullTime).body("ordinary.amount", equalTo(50000)).body("roomLeft.amount", equalTo(450000));
        // 500 € × 4 000 / 96 420 = 20.742… € → 20.75 €
        cpf(partTime).body("ordinary.amount", equalTo(2075));
        cpf(withdrawn).body("ordinary.amount", equalTo(0));
        cpf(marker).body("ordinary.amount", equalTo(0));
        given().auth().oauth2(TestTokens.holder(partTime)).when().get("/api/v1/holders/" + partTime + "/cpf/entries")
                .then().statusCode(200)
                .body("items[0].kind", equalTo("ACQUISITION")).body("items[0].year", equalTo(2025))
                .body("items[0].explanation[0].rule", equalTo("EUROS_ERA_EMPLOYEE"))
                .body("items[0].explanation[0].arithmetic", hasItem(containsString("rounded up to the cent")));
        assertTrue(TestKafka.records(Topics.CPF, Duration.ofSeconds(30), r -> r.key().equals(fullTime.toString()))
                .stream().anyMatch(r -> r.key().equals(fullTime.toString()) && r.value().contains("\"ACQUISITION\"")));

        // running it again credits nobody twice
        runs.resume(run);
        assertEquals(1, acquisitions(fullTime, 2025));
        cpf(fullTime).body("ordinary.amount", equalTo(50000));
    }

    @Test
    void aCrashMidChunkLeavesNothingHalfWrittenAndTheRunResumes() {
        UUID a = Accounts.open();
        UUID b = Accounts.open();
        fullYear(a, 2023);
        fullYear(b, 2023);
        await().atMost(Duration.ofSeconds(60)).until(() -> paidMinutes(a, 2023) == 12 * MONTH && paidMinutes(b, 2023) == 12 * MONTH);
        UUID run = runs.start(2023, 100_000).run().id(); // one chunk: both holders in it

        AtomicInteger seen = new AtomicInteger();
        assertThrows(IllegalStateException.class, () -> runs.processChunk(run, 2023, holder -> {
            if (seen.incrementAndGet() == 2) {
                throw new IllegalStateException("simulated crash of the worker");
            }
        }));
        assertEquals(0, acquisitions(a, 2023) + acquisitions(b, 2023), "the crashed chunk rolled back entirely");
        given().auth().oauth2(ADMIN).when().get("/api/v1/admin/acquisition-runs/" + run)
                .then().body("status", equalTo("RUNNING")).body("done", equalTo(0));

        runs.resume(run);
        given().auth().oauth2(ADMIN).when().get("/api/v1/admin/acquisition-runs/" + run)
                .then().body("status", equalTo("DONE")).body("pending", equalTo(0));
        assertEquals(1, acquisitions(a, 2023));
        assertEquals(1, acquisitions(b, 2023));
        cpf(a).body("ordinary.amount", equalTo(50000));
    }

    @Test
    void hoursOf2018AreCreditedThenConvertedAt15EurosAnHour() {
        UUID holder = Accounts.open();
        fullYear(holder, 2018);
        await().atMost(Duration.ofSeconds(60)).until(() -> paidMinutes(holder, 2018) == 12 * MONTH);
        runs.resume(startRun(2018, 202));
        // 24 h × 15 € = 360 €
        cpf(holder).body("ordinary.amount", equalTo(36000)).body("hoursBalanceMinutes", equalTo(0));
        given().auth().oauth2(TestTokens.holder(holder)).when().get("/api/v1/holders/" + holder + "/cpf/entries")
                .then().body("items.kind", hasItem("CONVERSION"))
                .body("items[2].kind", equalTo("ACQUISITION")).body("items[2].minutes", equalTo(1440))
                .body("items[0].explanation[0].rule", equalTo("CONVERSION_2019"));
    }

    long entries(UUID holder, int year, String kind) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                        "select count(*) from cpf_entry where holder_id = :h and year = :y and kind = :k")
                .setParameter("h", holder).setParameter("y", year).setParameter("k", kind).getSingleResult()).longValue());
    }

    static void awaitOrdinary(UUID holder, int cents) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> cpf(holder).body("ordinary.amount", equalTo(cents)));
    }

    static String declaration(UUID holder, UUID declaration, String period) {
        return TestEvents.envelope(UUID.randomUUID(), "ActivityDeclared", "account-service", holder, """
                {"holderId":"%s","declarationId":"%s","version":1,"siret":"73282932000074","period":"%s",
                 "status":"EMPLOYEE","category":null,"timeUnit":"HOURS","paidTime":%d,"referenceTime":%d,
                 "partTimeRate":100,"grossPay":null,"countedAbsences":[]}""".formatted(holder, declaration, period, MONTH, MONTH));
    }

    @Test
    void aCorrectedDeclarationBeforeTheRunChangesTheCreditAndAfterTheRunProducesOneCorrectingEntry() {
        UUID before = Accounts.open();
        UUID after = Accounts.open();
        UUID nothingThen = Accounts.open();
        for (int m = 1; m <= 3; m++) {
            declare(before, UUID.randomUUID(), 1, "2021-%02d".formatted(m), MONTH, MONTH);
            declare(after, UUID.randomUUID(), 1, "2021-%02d".formatted(m), MONTH, MONTH);
        }
        // before the run: three more months for one holder
        for (int m = 4; m <= 6; m++) {
            declare(before, UUID.randomUUID(), 1, "2021-%02d".formatted(m), MONTH, MONTH);
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> paidMinutes(before, 2021) == 6 * MONTH && paidMinutes(after, 2021) == 3 * MONTH);
        runs.resume(startRun(2021, 202));
        // half the reference: the full 500 €, from the run itself
        cpf(before).body("ordinary.amount", equalTo(50_000));
        // a quarter of the reference: 125 €
        cpf(after).body("ordinary.amount", equalTo(12_500));
        cpf(nothingThen).body("ordinary.amount", equalTo(0));

        // after the run: three late months → 500 €, a +375 € correction, once even if redelivered or repeated
        String april = declaration(after, UUID.randomUUID(), "2021-04");
        TestKafka.send(Topics.ACTIVITY, after.toString(), april);
        TestKafka.send(Topics.ACTIVITY, after.toString(), april);
        declare(after, UUID.randomUUID(), 1, "2021-05", MONTH, MONTH);
        UUID june = UUID.randomUUID();
        declare(after, june, 1, "2021-06", MONTH, MONTH);
        declare(after, june, 1, "2021-06", MONTH, MONTH); // the same declaration again, under a new event id
        awaitOrdinary(after, 50_000);
        // the late months came one by one: +41.67 € (4/12 = 166.67 €), +41.67 € (5/12 = 208.34 €), +291.66 € (half: 500 €)
        assertEquals(3, entries(after, 2021, "CORRECTION"));
        assertEquals(1, entries(after, 2021, "ACQUISITION"));

        // June withdrawn: 5 months of 12 → 208.34 €, so 291.66 € taken back
        TestKafka.send(Topics.ACTIVITY, after.toString(), TestEvents.envelope(UUID.randomUUID(), "ActivityWithdrawn",
                "account-service", after, "{\"holderId\":\"%s\",\"declarationId\":\"%s\",\"period\":\"2021-06\"}".formatted(after, june)));
        awaitOrdinary(after, 20_834);
        given().auth().oauth2(TestTokens.holder(after)).when().get("/api/v1/holders/" + after + "/cpf/entries")
                .then().statusCode(200)
                .body("items[0].kind", equalTo("CORRECTION")).body("items[0].amount.amount", equalTo(-29_166))
                .body("items[0].year", equalTo(2021))
                .body("items[0].explanation[0].rule", equalTo("ACQUISITION_CORRECTION"))
                .body("items[0].explanation[0].arithmetic", hasItem("difference: 208.34 € − 500.00 € = -291.66 €"))
                .body("items[0].explanation[0].arithmetic[0]", containsString("previous computation: entry"))
                .body("items[0].explanation[1].rule", equalTo("EUROS_ERA_EMPLOYEE"));
        assertEquals(0, entries(before, 2021, "CORRECTION"), "a declaration corrected before the run needs no correction");

        // a holder the run found without activity: the late declaration is the year's acquisition, 500 € / 12 rounded up
        declare(nothingThen, UUID.randomUUID(), 1, "2021-01", MONTH, MONTH);
        awaitOrdinary(nothingThen, 4_167);
        assertEquals(1, entries(nothingThen, 2021, "ACQUISITION"));
        assertEquals(0, entries(nothingThen, 2021, "CORRECTION"));
    }

    long chunks(UUID run, String state) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                        "select count(*) from acquisition_run_chunk where run_id = :r and state = :s")
                .setParameter("r", run).setParameter("s", state).getSingleResult()).longValue());
    }

    @Test
    void twoWorkersShareARunChunkByChunkAndTheScheduledPassFinishesIt() throws Exception {
        UUID a = Accounts.open();
        UUID b = Accounts.open();
        for (int i = 0; i < 4; i++) {
            Accounts.open(); // more chunks than one of each worker
        }
        fullYear(a, 2020);
        fullYear(b, 2020);
        await().atMost(Duration.ofSeconds(60)).until(() -> paidMinutes(a, 2020) == 12 * MONTH && paidMinutes(b, 2020) == 12 * MONTH);
        AcquisitionRuns.RunView started = runs.start(2020, 1).run(); // a chunk per open account
        UUID run = started.id();
        assertEquals(0, chunks(run, "PENDING"), "the request only creates the run: its first worker cuts it");
        runs.cut(run);
        runs.cut(run); // once
        long total = chunks(run, "PENDING");
        assertEquals(started.total(), total, "every open account is in a chunk of its own");
        assertTrue(total >= 6);
        // two replicas' workers, one holder per chunk, slowed down so that they overlap: SKIP LOCKED shares the chunks
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        java.util.concurrent.Callable<Integer> worker = () -> {
            int claimed = 0;
            for (int n = runs.processChunk(run, 2020, h -> sleep(20)); n > 0 && claimed < total; n = runs.processChunk(run, 2020, h -> sleep(20))) {
                claimed += n;
                if (claimed >= total / 2 + 1) {
                    break; // leave some for the scheduled pass
                }
            }
            return claimed;
        };
        var first = pool.submit(worker);
        var second = pool.submit(worker);
        int byFirst = first.get();
        int bySecond = second.get();
        pool.shutdown();
        assertTrue(byFirst > 0 && bySecond > 0, "both workers claimed chunks: " + byFirst + " and " + bySecond);
        assertEquals(byFirst + bySecond, chunks(run, "DONE"), "no chunk was claimed twice");

        // the scheduled worker's pass picks the RUNNING run up and finishes it
        runs.workOnce();
        given().auth().oauth2(ADMIN).when().get("/api/v1/admin/acquisition-runs/" + run)
                .then().statusCode(200).body("status", equalTo("DONE")).body("pending", equalTo(0))
                .body("done", equalTo((int) total)).body("failed", equalTo(0));
        assertEquals(1, acquisitions(a, 2020));
        assertEquals(1, acquisitions(b, 2020));
        cpf(a).body("ordinary.amount", equalTo(50_000));
    }

    @Test
    void aHolderWhoseCreditFailsFailsAloneAndTheRunFinishes() {
        UUID bad = Accounts.open();
        UUID good = Accounts.open();
        for (int i = 0; i < 4; i++) {
            Accounts.open(); // more than the bad holder's chunk
        }
        fullYear(bad, 2022);
        fullYear(good, 2022);
        await().atMost(Duration.ofSeconds(60)).until(() -> paidMinutes(bad, 2022) == 12 * MONTH && paidMinutes(good, 2022) == 12 * MONTH);
        // a holder whose entry PostgreSQL refuses (as a corrupt row would make it): the chunk fails as a whole
        sql("""
                create function refuse_bad_holder() returns trigger language plpgsql as $$
                begin
                  if new.holder_id = '%s' then raise exception 'refused for the test'; end if;
                  return new;
                end $$""".formatted(bad));
        sql("create trigger refuse_bad_holder before insert on cpf_entry for each row execute function refuse_bad_holder()");
        try {
            UUID run = runs.start(2022, 3).run().id();
            runs.resume(run);

            given().auth().oauth2(ADMIN).when().get("/api/v1/admin/acquisition-runs/" + run)
                    .then().statusCode(200).body("status", equalTo("DONE")).body("pending", equalTo(0)).body("failed", equalTo(1));
            assertEquals(0, acquisitions(bad, 2022));
            assertEquals(1, acquisitions(good, 2022));
            cpf(good).body("ordinary.amount", equalTo(50_000));
            String error = QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
                            "select error from acquisition_run_holder where run_id = :r and holder_id = :h")
                    .setParameter("r", run).setParameter("h", bad).getSingleResult());
            assertTrue(error.contains("refused for the test"), error);
            assertTrue(chunks(run, "DONE") > 1, "the other chunks went as chunks");
            assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                    "select count(*) from acquisition_run_chunk where run_id = :r and one_by_one").setParameter("r", run)
                    .getSingleResult()).longValue()), "only the bad holder's chunk went holder by holder");
        } finally {
            sql("drop trigger refuse_bad_holder on cpf_entry");
            sql("drop function refuse_bad_holder()");
        }
    }

    @Test
    void aDeclarationAfterTheStartOfARunButBeforeItsCutIsReadByTheRun() {
        UUID holder = Accounts.open();
        UUID run = startRun(2019, 202);
        declare(holder, UUID.randomUUID(), 1, "2019-03", MONTH, MONTH);
        await().atMost(Duration.ofSeconds(60)).until(() -> paidMinutes(holder, 2019) == MONTH);
        assertEquals(0, acquisitions(holder, 2019), "the run has not reached anyone yet: the declaration waits for it");

        runs.resume(run);
        assertEquals(1, acquisitions(holder, 2019));
        // one month of a full-time year: 500 € / 12, rounded up to the cent
        cpf(holder).body("ordinary.amount", equalTo(4_167));
    }

    void sql(String statement) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(statement).executeUpdate());
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void runsAreForAdminsAndYearsAreChecked() {
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"year\": 2014}")
                .when().post("/api/v1/admin/acquisition-runs")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("year"));
        given().auth().oauth2(TestTokens.holder(UUID.randomUUID())).contentType(ContentType.JSON).body("{\"year\": 2022}")
                .when().post("/api/v1/admin/acquisition-runs")
                .then().statusCode(403);
        given().auth().oauth2(ADMIN).when().get("/api/v1/admin/acquisition-runs/" + UUID.randomUUID())
                .then().statusCode(404);
    }
}
