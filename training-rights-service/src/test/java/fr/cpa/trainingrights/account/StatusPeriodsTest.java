package fr.cpa.trainingrights.account;

import fr.cpa.platform.contract.Topics;
import fr.cpa.testing.CpaTestResources;
import fr.cpa.testing.TestEvents;
import fr.cpa.testing.TestKafka;
import fr.cpa.trainingrights.Accounts;
import fr.cpa.trainingrights.activity.YearlyActivity;
import fr.cpa.trainingrights.rules.AccountState;
import fr.cpa.trainingrights.rules.AcquisitionRules;
import fr.cpa.trainingrights.rules.Activity;
import fr.cpa.trainingrights.rules.ParameterTable;
import fr.cpa.trainingrights.rules.YearFacts;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Low-qualified and disabled-worker (OETH) periods from {@code cpa.holder.v1}, as the yearly run reads them: a year
 * has the higher rate when a period covers any day of it (DOMAIN.md §1: the low-qualified declaration "applies from
 * that year"; a period ended in year N still counts for N, the holder had the status then), and no later year.
 */
@QuarkusTest
@QuarkusTestResource(value = CpaTestResources.class, restrictToAnnotatedClass = false)
class StatusPeriodsTest {

    static final Activity FULL_TIME = Activity.Employee.hours(1607 * 60, null);

    @Inject
    YearlyActivity yearlyActivity;
    @Inject
    EntityManager em;

    final AcquisitionRules rules = new AcquisitionRules(ParameterTable.LAW);

    @Test
    void aLowQualifiedDeclarationEndedIn2024Gives800EurosFor2024And500For2025() {
        UUID holder = Accounts.open();
        status(holder, "LOW_QUALIFIED", "2023-01-01", null);
        status(holder, "LOW_QUALIFIED", "2023-01-01", "2024-06-30"); // the holder ends it
        awaitPeriods(holder, "LOW_QUALIFIED", 1, "2024-06-30");
        // DOMAIN.md §1, euros era: low-qualified employee at least half time 800 €, else 500 €
        assertEquals(80_000, fullTimeCredit(holder, 2024));
        assertEquals(50_000, fullTimeCredit(holder, 2025));
        assertEquals(50_000, fullTimeCredit(holder, 2026));
    }

    @Test
    void anOethRecognition2023To2024GivesThe300EurosIn2024NotIn2025() {
        UUID holder = Accounts.open();
        status(holder, "DISABLED_WORKER", "2023-01-01", "2024-12-31");
        awaitPeriods(holder, "DISABLED_WORKER", 1, "2024-12-31");
        // DOMAIN.md §1: disabled worker under the employment obligation, normal credit + 300 €
        assertEquals(80_000, fullTimeCredit(holder, 2024));
        assertEquals(50_000, fullTimeCredit(holder, 2025));
    }

    @Test
    void twoSeparateLowQualifiedPeriodsBothCount() {
        UUID holder = Accounts.open();
        status(holder, "LOW_QUALIFIED", "2020-01-01", "2021-03-31");
        status(holder, "LOW_QUALIFIED", "2024-01-01", null);
        awaitPeriods(holder, "LOW_QUALIFIED", 2, null);
        assertEquals(80_000, fullTimeCredit(holder, 2020));
        assertEquals(80_000, fullTimeCredit(holder, 2021));
        assertEquals(50_000, fullTimeCredit(holder, 2022));
        assertEquals(50_000, fullTimeCredit(holder, 2023));
        assertEquals(80_000, fullTimeCredit(holder, 2024));
        assertEquals(80_000, fullTimeCredit(holder, 2030), "a period still open counts for every later year");
    }

    @Test
    void theRegistrationsDateIsAPeriodThatALaterEventEnds() {
        UUID holder = UUID.randomUUID();
        TestKafka.send(Topics.HOLDER, holder.toString(), TestEvents.envelope(UUID.randomUUID(), "HolderRegistered",
                "account-service", holder, """
                        {"holderId":"%s","birthDate":"1990-04-02","statuses":[],"lowQualifiedFrom":"2022-01-01","disabledWorkerFrom":null}"""
                        .formatted(holder)));
        awaitPeriods(holder, "LOW_QUALIFIED", 1, null);
        status(holder, "LOW_QUALIFIED", "2022-01-01", "2023-02-28");
        awaitPeriods(holder, "LOW_QUALIFIED", 1, "2023-02-28");
        assertEquals(80_000, fullTimeCredit(holder, 2023));
        assertEquals(50_000, fullTimeCredit(holder, 2024));
    }

    /** The year's facts as the run reads them, with a full-time year of work: the credit on an empty CPF. */
    long fullTimeCredit(UUID holder, int year) {
        YearFacts read = QuarkusTransaction.requiringNew().call(() -> yearlyActivity.facts(CpfAccount.<CpfAccount>findById(holder), year));
        YearFacts facts = new YearFacts(year, read.lowQualified(), read.disabledWorker(), List.of(FULL_TIME));
        return rules.credit(facts, AccountState.EMPTY).cents();
    }

    static void status(UUID holder, String status, String from, String to) {
        TestKafka.send(Topics.HOLDER, holder.toString(), TestEvents.envelope(UUID.randomUUID(), "HolderStatusChanged",
                "account-service", holder, """
                        {"holderId":"%s","status":"%s","category":null,"from":"%s","to":%s}"""
                        .formatted(holder, status, from, to == null ? "null" : "\"" + to + "\"")));
    }

    /** Waits for {@code count} periods of {@code status}, one of them ending on {@code lastTo} (null: any end). */
    void awaitPeriods(UUID holder, String status, int count, String lastTo) {
        await().atMost(Duration.ofSeconds(120)).until(() -> QuarkusTransaction.requiringNew().call(() -> {
            List<?> ends = em.createNativeQuery("select cast(valid_to as text) from holder_status where holder_id = :h and status = :s")
                    .setParameter("h", holder).setParameter("s", status).getResultList();
            return ends.size() == count && (lastTo == null || ends.contains(lastTo));
        }));
    }
}
