package fr.cpa.trainingrights.acquisition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.cpa.testing.CpaTestResources;
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
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The run's chunk-wise acquisition against the holder-by-holder one it replaced: twin holders (same account,
 * same facts), one acquired alone by {@link Acquisition#acquire}, the other in a mixed chunk by
 * {@link AcquisitionChunk#acquire}, end with the same entries, explanations, balances and events.
 */
@QuarkusTest
@QuarkusTestResource(value = CpaTestResources.class, restrictToAnnotatedClass = false)
class AcquisitionChunkTest {

    /** 1 607 h / 12, in minutes */
    static final long MONTH = 8035;

    @Inject
    Acquisition acquisition;
    @Inject
    AcquisitionChunk chunk;
    @Inject
    Ledger ledger;
    @Inject
    LedgerInvariant invariant;
    @Inject
    EntityManager em;
    @Inject
    ObjectMapper mapper;

    @AfterEach
    void ledgerStillAddsUp() {
        LedgerInvariant.Report report = invariant.check();
        assertTrue(report.holds(), report.toString());
    }

    /** A holder set up twice: {@code alone} acquired by itself, {@code inChunk} in the chunk. */
    record Twins(String what, UUID alone, UUID inChunk) {
    }

    Twins twins(String what, Consumer<UUID> setUp) {
        Twins t = new Twins(what, UUID.randomUUID(), UUID.randomUUID());
        for (UUID holder : List.of(t.alone(), t.inChunk())) {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                            insert into cpf_account (holder_id, birth_date, opened_at) values (:h, date '1990-04-02', now())""")
                    .setParameter("h", holder).executeUpdate());
            setUp.accept(holder);
        }
        return t;
    }

    void months(UUID holder, int year, int months, long paid, long reference) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                        insert into activity_month (holder_id, siret, declaration_id, period, year, version, status, category,
                                                    time_unit, paid_time, reference_time, gross_pay_cents, absence_minutes)
                        select :h, '73282932000074', gen_random_uuid(), :y || '-' || lpad(m::text, 2, '0'), :y, 1, 'EMPLOYEE', null,
                               'HOURS', :paid, :ref, null, 0
                        from generate_series(1, :n) m""")
                .setParameter("h", holder).setParameter("y", year).setParameter("n", months)
                .setParameter("paid", paid).setParameter("ref", reference).executeUpdate());
    }

    /** An earlier credit on the account, through the ledger, so that the cache still adds up. */
    void credited(UUID holder, int year, long cents) {
        QuarkusTransaction.requiringNew().run(() -> ledger.append(CpfAccount.findById(holder), Ledger.Draft.credit(
                CpfEntry.Kind.ACQUISITION, CpfEntry.ORDINARY, cents, 0, year, null, List.of())));
    }

    /**
     * Everything the acquisition wrote for a holder, its own ids left out, and the account's version too: it counts
     * writes of the row (one per entry alone, one per chunk), not entries.
     */
    List<Object> written(UUID holder) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<Object> all = new ArrayList<>();
            all.addAll(em.createNativeQuery("""
                            select line, kind, pot, amount_cents, held_cents, minutes, year, explanation,
                                   coalesce(cap_base_cents, -1), coalesce(cap_base_minutes, -1) from cpf_entry
                            where holder_id = :h order by line""").setParameter("h", holder).getResultList()
                    .stream().map(r -> List.of((Object[]) r)).toList());
            all.add(List.of((Object[]) em.createNativeQuery("""
                            select ordinary_cents, cec_cents, top_up_cents, held_cents, hours_minutes, hours_era_minutes, entry_count
                            from cpf_account where holder_id = :h""").setParameter("h", holder).getSingleResult()));
            for (Object payload : em.createNativeQuery("""
                    select payload from outbox_event where record_key = :h and event_type = 'CpfCredited' order by id""")
                    .setParameter("h", holder.toString()).getResultList()) {
                all.add(eventData((String) payload));
            }
            return all;
        });
    }

    JsonNode eventData(String envelope) {
        try {
            ObjectNode data = (ObjectNode) mapper.readTree(envelope).get("data");
            data.remove(List.of("holderId", "entryId"));
            return data;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    long entries(UUID holder) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from cpf_entry where holder_id = :h").setParameter("h", holder).getSingleResult()).longValue());
    }

    void sameAsAlone(int year, List<Twins> all, Map<UUID, Acquisition.Outcome> expected) {
        for (Twins t : all) {
            Acquisition.Outcome alone = QuarkusTransaction.requiringNew().call(() -> acquisition.acquire(t.alone(), year));
            assertEquals(alone, expected.get(t.inChunk()), t.what());
        }
        List<UUID> holders = all.stream().map(Twins::inChunk).toList();
        Map<UUID, Acquisition.Outcome> outcomes = QuarkusTransaction.requiringNew().call(() -> chunk.acquire(holders, year));
        assertEquals(holders, List.copyOf(outcomes.keySet()), "an outcome per holder, in their order");
        for (Twins t : all) {
            assertEquals(expected.get(t.inChunk()), outcomes.get(t.inChunk()), t.what());
            assertEquals(written(t.alone()), written(t.inChunk()), t.what() + ": the same entries, balances and events");
        }

        // the run again: nothing credited twice
        Map<UUID, Long> before = new java.util.HashMap<>();
        holders.forEach(h -> before.put(h, entries(h)));
        List<Object> writtenBefore = holders.stream().map(h -> (Object) written(h)).toList();
        Map<UUID, Acquisition.Outcome> again = QuarkusTransaction.requiringNew().call(() -> chunk.acquire(holders, year));
        for (Twins t : all) {
            Acquisition.Outcome outcome = again.get(t.inChunk());
            assertTrue(outcome == Acquisition.Outcome.ALREADY_DONE || outcome == Acquisition.Outcome.NOTHING_DUE, t.what() + ": " + outcome);
            assertEquals(before.get(t.inChunk()), entries(t.inChunk()), t.what());
        }
        assertEquals(writtenBefore, holders.stream().map(h -> (Object) written(h)).toList());
    }

    @Test
    void aMixedChunkWritesWhatHolderByHolderWroteAndNothingTwice() {
        int year = 2024;
        List<Twins> all = List.of(
                twins("full time", h -> months(h, year, 12, MONTH, MONTH)),
                // 500 € × 4 000 / 96 420 = 20.742… € → 20.75 €
                twins("part time, rounded up", h -> months(h, year, 1, 4000, MONTH)),
                twins("no activity", h -> { }),
                twins("capped: 4 990 € already, 10 € of the 500 €", h -> {
                    credited(h, year - 1, 499_000);
                    months(h, year, 12, MONTH, MONTH);
                }),
                twins("at the cap: a zero entry that says why", h -> {
                    credited(h, year - 1, 500_000);
                    months(h, year, 12, MONTH, MONTH);
                }),
                twins("already credited for the year", h -> {
                    credited(h, year, 50_000);
                    months(h, year, 12, MONTH, MONTH);
                }),
                twins("low-qualified: 800 €", h -> {
                    QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                            "insert into holder_status (holder_id, status, valid_from) values (:h, 'LOW_QUALIFIED', date '2018-01-01')").setParameter("h", h).executeUpdate());
                    months(h, year, 12, MONTH, MONTH);
                }));
        UUID unknown = UUID.randomUUID();
        Map<UUID, Acquisition.Outcome> expected = new java.util.HashMap<>();
        List<Acquisition.Outcome> outcomes = List.of(Acquisition.Outcome.CREDITED, Acquisition.Outcome.CREDITED,
                Acquisition.Outcome.NOTHING_DUE, Acquisition.Outcome.CREDITED, Acquisition.Outcome.NOTHING_DUE,
                Acquisition.Outcome.ALREADY_DONE, Acquisition.Outcome.CREDITED);
        for (int i = 0; i < all.size(); i++) {
            expected.put(all.get(i).inChunk(), outcomes.get(i));
        }
        sameAsAlone(year, all, expected);
        // the figures themselves, in the chunk
        assertEquals(List.of(50_000L, 2_075L, 0L, 500_000L, 500_000L, 50_000L, 80_000L),
                all.stream().map(t -> ordinary(t.inChunk())).toList());
        assertEquals(1L, version(all.get(0).inChunk()), "the chunk's update bumped the version");
        // the balance each credit was computed on is kept with it (and compared above with the holder alone's)
        assertEquals(List.of(0L, 0L, 499_000L, 500_000L, 0L),
                List.of(0, 1, 3, 4, 6).stream().map(i -> capBase(all.get(i).inChunk(), year)).toList());
        // a holder without an account (closed, or never opened) is skipped
        assertEquals(Acquisition.Outcome.NO_ACCOUNT, QuarkusTransaction.requiringNew().call(() ->
                chunk.acquire(List.of(unknown), year)).get(unknown));
    }

    @Test
    void hoursOf2018AreConvertedInTheChunkToo() {
        List<Twins> all = List.of(twins("full time 2018", h -> months(h, 2018, 12, MONTH, MONTH)),
                twins("part time 2018", h -> months(h, 2018, 6, MONTH / 2, MONTH)));
        sameAsAlone(2018, all, Map.of(all.get(0).inChunk(), Acquisition.Outcome.CREDITED,
                all.get(1).inChunk(), Acquisition.Outcome.CREDITED));
        // 24 h × 15 € = 360 €
        assertEquals(36_000L, ordinary(all.get(0).inChunk()));
    }

    long capBase(UUID holder, int year) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                        "select cap_base_cents from cpf_entry where holder_id = :h and year = :y and kind = 'ACQUISITION'")
                .setParameter("h", holder).setParameter("y", year).getSingleResult()).longValue());
    }

    long version(UUID holder) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select version from cpf_account where holder_id = :h").setParameter("h", holder).getSingleResult()).longValue());
    }

    long ordinary(UUID holder) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select ordinary_cents from cpf_account where holder_id = :h").setParameter("h", holder).getSingleResult()).longValue());
    }
}
