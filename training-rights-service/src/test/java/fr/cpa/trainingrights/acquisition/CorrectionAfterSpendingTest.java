package fr.cpa.trainingrights.acquisition;

import fr.cpa.platform.contract.Topics;
import fr.cpa.testing.CpaTestResources;
import fr.cpa.testing.TestEvents;
import fr.cpa.testing.TestKafka;
import fr.cpa.testing.TestTokens;
import fr.cpa.trainingrights.Accounts;
import fr.cpa.trainingrights.account.CpfAccount;
import fr.cpa.trainingrights.ledger.CpfEntry;
import fr.cpa.trainingrights.ledger.Ledger;
import fr.cpa.trainingrights.ledger.LedgerInvariant;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static fr.cpa.trainingrights.acquisition.AcquisitionRunTest.MONTH;
import static fr.cpa.trainingrights.acquisition.AcquisitionRunTest.awaitOrdinary;
import static fr.cpa.trainingrights.acquisition.AcquisitionRunTest.cpf;
import static fr.cpa.trainingrights.acquisition.AcquisitionRunTest.startRun;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A correction of a credited year after the holder spent (DOMAIN.md §1: 500 € a year from half the reference time,
 * "a credit that would cross [the 5 000 € cap] is cut to reach it exactly"): the year is computed again on the
 * balance it was credited on, so the correction is what the corrected year would have credited then, minus what it
 * gave; spending since changes nothing. And a line sent again with the same figures never touches the account.
 * <p>
 * Every holder here is credited for 2024 by one yearly run (one run per year, and no other test runs 2024), prepared
 * once; each test then acts on its own holder.
 */
@QuarkusTest
@QuarkusTestResource(value = CpaTestResources.class, restrictToAnnotatedClass = false)
class CorrectionAfterSpendingTest {

    static final String SIRET = "73282932000074";

    /** One holder of each test, their March (and April) 2024 declarations, all credited by the 2024 run. */
    static Holder capped;
    static Holder raised;
    static Holder lowered;
    static Holder resent;

    record Holder(UUID id, UUID march, UUID april) {
    }

    @Inject
    AcquisitionRuns runs;
    @Inject
    Ledger ledger;
    @Inject
    LedgerInvariant invariant;
    @Inject
    EntityManager em;

    @AfterEach
    void ledgerStillAddsUp() {
        LedgerInvariant.Report report = invariant.check();
        assertTrue(report.holds(), report.toString());
    }

    @BeforeEach
    void creditedFor2024() {
        if (capped != null) {
            return;
        }
        capped = new Holder(Accounts.open(), UUID.randomUUID(), UUID.randomUUID());
        raised = new Holder(Accounts.open(), UUID.randomUUID(), UUID.randomUUID());
        lowered = new Holder(Accounts.open(), UUID.randomUUID(), UUID.randomUUID());
        resent = new Holder(Accounts.open(), UUID.randomUUID(), UUID.randomUUID());
        rightsBefore2024(capped.id(), 480_000);
        rightsBefore2024(raised.id(), 470_000);
        rightsBefore2024(lowered.id(), 480_000);
        months(capped, 12, 0);
        months(raised, 6, 3); // March unpaid (unpaid leave): 5 months of 12
        months(lowered, 6, 0);
        months(resent, 6, 0);
        await().atMost(Duration.ofSeconds(60)).until(() -> paid(capped.id()) == 12 * MONTH && paid(raised.id()) == 5 * MONTH
                && months(raised.id()) == 6 && paid(lowered.id()) == 6 * MONTH && paid(resent.id()) == 6 * MONTH);
        runs.resume(startRun(2024, 202));
        // 4 800 € before: the 500 € of a full year cut to 200 € by the cap
        cpf(capped.id()).body("ordinary.amount", equalTo(500_000));
        // 4 700 € before: 500 € × 5/12 = 208.33… → 208.34 €, under the 300 € of room
        cpf(raised.id()).body("ordinary.amount", equalTo(490_834));
        // half the year: the full 500 €, cut to 200 €
        cpf(lowered.id()).body("ordinary.amount", equalTo(500_000));
        cpf(resent.id()).body("ordinary.amount", equalTo(50_000));
    }

    @Test
    void anUnchangedLineOfANewVersionAfterSpendingGivesNoCorrection() {
        spend(capped.id(), 300_000);
        awaitOrdinary(capped.id(), 200_000);
        long entriesBefore = entries(capped.id());

        // the employer's version 2 of March 2024, sent to fix another employee's line: this holder's figures are the same
        UUID v2 = declare(capped.id(), capped.march(), 2, "2024-03", MONTH);
        await().atMost(Duration.ofSeconds(60)).until(() -> consumed(v2));

        assertEquals(0, entries(capped.id(), "CORRECTION"), "the cap cut is not undone by a correction that changed nothing");
        assertEquals(entriesBefore, entries(capped.id()));
        cpf(capped.id()).body("ordinary.amount", equalTo(200_000));
    }

    @Test
    void aRealCorrectionAfterSpendingGivesWhatTheYearWouldHaveCreditedAtTheTime() {
        spend(raised.id(), 300_000);
        awaitOrdinary(raised.id(), 190_834);

        // March corrected from unpaid to a full month: 6 months of 12, half the reference → 500 €; on the 4 700 € of the
        // time the cap cuts it to 300 €, of which the year gave 208.34 €: +91.66 €, whatever was spent since
        UUID march = declare(raised.id(), raised.march(), 2, "2024-03", MONTH);
        await().atMost(Duration.ofSeconds(60)).until(() -> consumed(march));
        cpf(raised.id()).body("ordinary.amount", equalTo(200_000));

        assertEquals(1, entries(raised.id(), "CORRECTION"));
        given().auth().oauth2(TestTokens.holder(raised.id())).when().get("/api/v1/holders/" + raised.id() + "/cpf/entries")
                .then().statusCode(200)
                .body("items[0].kind", equalTo("CORRECTION")).body("items[0].year", equalTo(2024))
                .body("items[0].amount.amount", equalTo(9_166))
                .body("items[0].explanation[0].arithmetic", hasItem("difference: 300.00 € − 208.34 € = 91.66 €"))
                .body("items[0].explanation[1].inputs.ordinaryBalanceBefore", equalTo("4700.00 €"));
    }

    @Test
    void aCorrectionLoweringTheYearAfterSpendingTakesBackWhatTheYearGaveTooMuchAtTheTime() {
        spend(lowered.id(), 300_000);
        awaitOrdinary(lowered.id(), 200_000);

        // March withdrawn to unpaid: 5 months of 12 → 208.34 €, still above the 200 € of room of the time: the year
        // would have credited 200 € all the same, so nothing changes (on today's 1 800 € it would give 8.34 € more)
        UUID march = declare(lowered.id(), lowered.march(), 2, "2024-03", 0);
        await().atMost(Duration.ofSeconds(60)).until(() -> consumed(march));
        assertEquals(0, entries(lowered.id(), "CORRECTION"));
        cpf(lowered.id()).body("ordinary.amount", equalTo(200_000));

        // April unpaid too: 4 months of 12 → 166.67 €, under the room of the time: 33.33 € taken back
        UUID april = declare(lowered.id(), lowered.april(), 2, "2024-04", 0);
        await().atMost(Duration.ofSeconds(60)).until(() -> consumed(april));
        cpf(lowered.id()).body("ordinary.amount", equalTo(196_667));
        assertEquals(1, entries(lowered.id(), "CORRECTION"));
        given().auth().oauth2(TestTokens.holder(lowered.id())).when().get("/api/v1/holders/" + lowered.id() + "/cpf/entries")
                .then().statusCode(200)
                .body("items[0].kind", equalTo("CORRECTION")).body("items[0].amount.amount", equalTo(-3_333))
                .body("items[0].explanation[0].arithmetic", hasItem("difference: 166.67 € − 200.00 € = -33.33 €"));
    }

    @Test
    void aLineSentAgainWithTheSameFiguresNeverTouchesTheAccount() {
        // something a computation of the year would now pick up: the holder recognised a disabled worker from 2024 after
        // the run (+300 €, OETH). A status change alone corrects nothing (README, known limits); a re-sent line must not
        // either, as if by chance
        TestKafka.send(Topics.HOLDER, resent.id().toString(), TestEvents.envelope(UUID.randomUUID(), "HolderStatusChanged",
                "account-service", resent.id(), """
                        {"holderId":"%s","status":"DISABLED_WORKER","category":null,"from":"2024-01-01","to":null}"""
                        .formatted(resent.id())));
        await().atMost(Duration.ofSeconds(60)).until(() -> disabledWorker(resent.id()));
        long entriesBefore = entries(resent.id());

        UUID redelivered = declare(resent.id(), resent.march(), 1, "2024-03", MONTH); // the same line under a new event id
        UUID newVersion = declare(resent.id(), resent.march(), 2, "2024-03", MONTH);
        UUID olderVersion = declare(resent.id(), resent.march(), 1, "2024-03", MONTH); // late: v2 is stored
        await().atMost(Duration.ofSeconds(60)).until(() -> consumed(redelivered) && consumed(newVersion) && consumed(olderVersion));

        assertEquals(entriesBefore, entries(resent.id()), "no ledger entry");
        assertEquals(0, entries(resent.id(), "CORRECTION"));
        cpf(resent.id()).body("ordinary.amount", equalTo(50_000));
        assertEquals(2L, QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                        "select version from activity_month where holder_id = :h and period = '2024-03'")
                .setParameter("h", resent.id()).getSingleResult()).longValue()), "the newer version is stored all the same");
    }

    // --- set-up -------------------------------------------------------------------------------------------------

    /**
     * The ordinary rights already on the account before 2024, through the ledger as AcquisitionChunkTest does: only
     * yearly runs credit ordinary rights, and nine earlier runs per holder are beyond a test.
     */
    void rightsBefore2024(UUID holder, long cents) {
        QuarkusTransaction.requiringNew().run(() -> ledger.append(CpfAccount.findById(holder), Ledger.Draft.credit(
                CpfEntry.Kind.CONVERSION, CpfEntry.ORDINARY, cents, 0, null, null, List.of())));
    }

    /** {@code count} months of 2024 from January, full time; month {@code unpaid} (1–12, 0: none) paid nothing. */
    static void months(Holder holder, int count, int unpaid) {
        for (int m = 1; m <= count; m++) {
            UUID declaration = m == 3 ? holder.march() : m == 4 ? holder.april() : UUID.randomUUID();
            declare(holder.id(), declaration, 1, "2024-%02d".formatted(m), m == unpaid ? 0 : MONTH);
        }
    }

    /** One employee-month of a declaration, full-time reference; returns the event's id. */
    static UUID declare(UUID holder, UUID declaration, int version, String period, long paid) {
        UUID eventId = UUID.randomUUID();
        TestKafka.send(Topics.ACTIVITY, holder.toString(), TestEvents.envelope(eventId, "ActivityDeclared", "account-service", holder, """
                {"holderId":"%s","declarationId":"%s","version":%d,"siret":"%s","period":"%s",
                 "status":"EMPLOYEE","category":null,"timeUnit":"HOURS","paidTime":%d,"referenceTime":%d,
                 "partTimeRate":100,"grossPay":null,"countedAbsences":[]}"""
                .formatted(holder, declaration, version, SIRET, period, paid, MONTH)));
        return eventId;
    }

    /** A training bought and started (as EnrolmentSagaTest does): the saga holds then captures {@code cents}, ordinary rights first. */
    static void spend(UUID holder, long cents) {
        UUID enrolment = UUID.randomUUID();
        TestKafka.send(Topics.ENROLMENT, holder.toString(), TestEvents.envelope(UUID.randomUUID(), "EnrolmentRequested",
                "catalogue-service", holder, """
                        {"enrolmentId":"%s","holderId":"%s","offerId":"%s","certificationType":"RNCP","certificationCode":"RNCP35185",
                         "price":{"amount":%d,"currency":"EUR"},"startDate":"2026-03-02","jobSeeker":false,"employerCoFunding":null}"""
                        .formatted(enrolment, holder, UUID.randomUUID(), cents)));
        funding(enrolment, "FundsReserved");
        TestKafka.send(Topics.ENROLMENT, holder.toString(), TestEvents.envelope(UUID.randomUUID(), "EnrolmentStarted",
                "catalogue-service", holder, """
                        {"enrolmentId":"%s","holderId":"%s","reason":null,"date":"2026-03-02","fullRecredit":null}"""
                        .formatted(enrolment, holder)));
        funding(enrolment, "FundsCaptured");
    }

    static void funding(UUID enrolment, String type) {
        assertTrue(TestKafka.records(Topics.FUNDING, Duration.ofSeconds(30),
                        r -> r.value().contains(enrolment.toString()) && r.value().contains("\"" + type + "\""))
                .stream().anyMatch(r -> r.value().contains(enrolment.toString()) && r.value().contains("\"" + type + "\"")),
                type + " not published for " + enrolment);
    }

    long number(String query, UUID holder) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(query)
                .setParameter("h", holder).getSingleResult()).longValue());
    }

    long paid(UUID holder) {
        return number("select coalesce(sum(paid_time), -1) from activity_month where holder_id = :h and year = 2024", holder);
    }

    long months(UUID holder) {
        return number("select count(*) from activity_month where holder_id = :h and year = 2024", holder);
    }

    long entries(UUID holder) {
        return number("select count(*) from cpf_entry where holder_id = :h", holder);
    }

    long entries(UUID holder, String kind) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                        "select count(*) from cpf_entry where holder_id = :h and year = 2024 and kind = :k")
                .setParameter("h", holder).setParameter("k", kind).getSingleResult()).longValue());
    }

    boolean consumed(UUID eventId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from processed_event where event_id = :id").setParameter("id", eventId).getSingleResult()).longValue() > 0);
    }

    boolean disabledWorker(UUID holder) {
        return number("select count(*) from holder_status where holder_id = :h and status = 'DISABLED_WORKER' and valid_from = date '2024-01-01'", holder) == 1;
    }
}
