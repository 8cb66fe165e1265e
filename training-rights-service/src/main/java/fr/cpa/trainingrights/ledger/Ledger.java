package fr.cpa.trainingrights.ledger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.cpa.platform.contract.CpfBalances;
import fr.cpa.platform.contract.CpfCredited;
import fr.cpa.platform.contract.CpfMovement;
import fr.cpa.platform.contract.Topics;
import fr.cpa.platform.money.Money;
import fr.cpa.platform.outbox.Outbox;
import fr.cpa.trainingrights.account.CpfAccount;
import fr.cpa.trainingrights.rules.AccountState;
import fr.cpa.trainingrights.rules.Explanation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The one way to change a CPF: append an immutable entry and update the cached balances of the
 * account in the same transaction. The account row's {@code version} makes concurrent appends to the
 * same holder fail rather than lose an update (the caller retries); an entry caused by an event
 * records the event id, so the same event never credits twice.
 */
@ApplicationScoped
public class Ledger implements LedgerWriter {

    /**
     * What to append. Signed deltas: amount on the pot, held in the pot, minutes of hours. {@code capBase}: for a
     * year's ACQUISITION, the statutory balances its credit was computed on (null otherwise).
     */
    public record Draft(CpfEntry.Kind kind, String pot, long amountCents, long heldCents, long minutes, Integer year,
                        UUID enrolmentId, UUID sourceEventId, String topUpKind, String funder, Set<String> earmarkedTo,
                        List<Explanation> explanation, AccountState capBase) {

        public Draft(CpfEntry.Kind kind, String pot, long amountCents, long heldCents, long minutes, Integer year,
                     UUID enrolmentId, UUID sourceEventId, String topUpKind, String funder, Set<String> earmarkedTo,
                     List<Explanation> explanation) {
            this(kind, pot, amountCents, heldCents, minutes, year, enrolmentId, sourceEventId, topUpKind, funder, earmarkedTo,
                    explanation, null);
        }

        public static Draft credit(CpfEntry.Kind kind, String pot, long cents, long minutes, Integer year,
                                   UUID sourceEventId, List<Explanation> explanation) {
            return new Draft(kind, pot, cents, 0, minutes, year, null, sourceEventId, null, null, null, explanation);
        }

        /** A year's credit computed on {@code before}, kept with it: corrections of the year are computed on it again. */
        public static Draft acquisition(String pot, long cents, long minutes, int year, AccountState before,
                                        List<Explanation> explanation) {
            return new Draft(CpfEntry.Kind.ACQUISITION, pot, cents, 0, minutes, year, null, null, null, null, null,
                    explanation, before);
        }
    }

    private final EntityManager em;
    private final ObjectMapper mapper;
    private final Outbox outbox;

    Ledger(EntityManager em, ObjectMapper mapper, Outbox outbox) {
        this.em = em;
        this.mapper = mapper;
        this.outbox = outbox;
    }

    /** The entry an event already caused, if any. */
    public Optional<CpfEntry> fromEvent(UUID eventId) {
        return CpfEntry.find("sourceEventId", eventId).firstResultOptional();
    }

    /**
     * Appends {@code draft} to {@code account} (loaded in this transaction) and updates its cache.
     * Returns the existing entry if the draft's event was already applied.
     */
    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public CpfEntry append(CpfAccount account, Draft draft) {
        return append(account, draft, null);
    }

    /** As {@link #append(CpfAccount, Draft)} with a top-up's reference (a work accident gives one top-up). */
    @Transactional(Transactional.TxType.MANDATORY)
    public CpfEntry append(CpfAccount account, Draft draft, String topUpReference) {
        if (draft.sourceEventId() != null) {
            Optional<CpfEntry> done = fromEvent(draft.sourceEventId());
            if (done.isPresent()) {
                return done.get();
            }
        }
        CpfEntry entry = entry(account, draft, topUpReference);
        entry.persist();
        // the account row changed, so its version is checked at flush: a concurrent append fails here
        em.flush();
        return entry;
    }

    /** The entry {@code draft} makes as the next line of {@code account}, applied to its cached balances. */
    CpfEntry entry(CpfAccount account, Draft draft, String topUpReference) {
        CpfEntry entry = new CpfEntry();
        entry.id = UUID.randomUUID();
        entry.holderId = account.holderId;
        entry.line = ++account.entryCount;
        entry.kind = draft.kind();
        entry.pot = draft.kind() == CpfEntry.Kind.TOP_UP && draft.pot() == null
                ? CpfEntry.TOP_UP_PREFIX + entry.id : draft.pot();
        entry.amountCents = draft.amountCents();
        entry.heldCents = draft.heldCents();
        entry.minutes = draft.minutes();
        entry.year = draft.year();
        entry.enrolmentId = draft.enrolmentId();
        entry.sourceEventId = draft.sourceEventId();
        entry.topUpKind = draft.topUpKind();
        entry.funder = draft.funder();
        entry.topUpReference = topUpReference;
        entry.earmarkedTo = draft.earmarkedTo() == null || draft.earmarkedTo().isEmpty() ? null
                : String.join(",", new java.util.TreeSet<>(draft.earmarkedTo()));
        entry.explanation = write(draft.explanation());
        if (draft.capBase() != null) {
            entry.capBaseCents = draft.capBase().ordinaryCents();
            entry.capBaseMinutes = draft.capBase().civilServantMinutes();
        }
        entry.createdAt = Instant.now();
        apply(account, entry);
        return entry;
    }

    private static void apply(CpfAccount account, CpfEntry entry) {
        switch (potKind(entry.pot)) {
            case "ORDINARY" -> account.ordinaryCents += entry.amountCents;
            case "CEC" -> account.cecCents += entry.amountCents;
            case "TOP_UP" -> account.topUpCents += entry.amountCents;
            case "HOURS_ERA" -> account.hoursEraMinutes += entry.minutes;
            case "CIVIL_SERVANT_HOURS" -> account.hoursMinutes += entry.minutes;
            default -> throw new IllegalStateException("unknown pot " + entry.pot);
        }
        account.heldCents += entry.heldCents;
        if (account.ordinaryCents < 0 || account.cecCents < 0 || account.topUpCents < 0 || account.heldCents < 0
                || account.hoursMinutes < 0 || account.hoursEraMinutes < 0) {
            throw new IllegalStateException("entry " + entry.kind + " would make a balance of holder " + account.holderId + " negative");
        }
    }

    /** C2P training money is outside the cap like a top-up: it counts in the top-ups total of the account. */
    static String potKind(String pot) {
        return pot.startsWith(CpfEntry.TOP_UP_PREFIX) || CpfEntry.C2P_POT.equals(pot) ? "TOP_UP" : pot;
    }

    /** Balances of each pot (money, held, earmark, funder) derived from the entries. */
    public Map<String, PotBalance> pots(UUID holderId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select pot, sum(amount_cents), sum(held_cents), sum(minutes),
                               max(earmarked_to), min(line), max(funder) filter (where kind = 'TOP_UP')
                        from cpf_entry where holder_id = :holder group by pot order by min(line)""")
                .setParameter("holder", holderId).getResultList();
        Map<String, PotBalance> pots = new LinkedHashMap<>();
        for (Object[] r : rows) {
            String earmark = (String) r[4];
            pots.put((String) r[0], new PotBalance((String) r[0], potKind((String) r[0]), ((Number) r[1]).longValue(),
                    ((Number) r[2]).longValue(), ((Number) r[3]).longValue(),
                    earmark == null ? Set.of() : Set.of(earmark.split(",")), (String) r[6]));
        }
        return pots;
    }

    /**
     * One pot's balances: money in it, part of it held, hours; earmarked certifications if any; for a top-up pot, its
     * funder as recorded on its TOP_UP entries ("EMPLOYER SIRET …"), else null.
     */
    public record PotBalance(String pot, String kind, long cents, long heldCents, long minutes, Set<String> earmarkedTo,
                             String funder) {
        public long availableCents() {
            return cents - heldCents;
        }
    }

    public static CpfBalances balances(CpfAccount a) {
        long total = a.ordinaryCents + a.cecCents + a.topUpCents;
        return new CpfBalances(Money.cents(a.ordinaryCents), Money.cents(a.cecCents), Money.cents(a.topUpCents),
                Money.cents(a.heldCents), Money.cents(total - a.heldCents), a.hoursMinutes);
    }

    /** {@code CpfCredited} through the outbox, in the caller's transaction. */
    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void publishCredited(CpfAccount account, CpfEntry entry) {
        Outbox.Message message = credited(account, entry);
        outbox.publish(message.topic(), message.type(), message.subject(), message.data());
    }

    static Outbox.Message credited(CpfAccount account, CpfEntry entry) {
        return new Outbox.Message(Topics.CPF, CpfCredited.TYPE, account.holderId, new CpfCredited(account.holderId, entry.id,
                entry.kind.name(), Money.cents(entry.amountCents), entry.minutes == 0 ? null : entry.minutes,
                entry.year, balances(account)));
    }

    /** A batch of appends written at once: see {@link LedgerBatch}. */
    public LedgerBatch batch() {
        return new LedgerBatch(this, em, outbox);
    }

    /** {@code CpfHoldChanged} or {@code CpfDebited} through the outbox. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publishMovement(String type, CpfAccount account, CpfEntry entry, long cents) {
        outbox.publish(Topics.CPF, type, account.holderId, new CpfMovement(account.holderId, entry.id, entry.enrolmentId,
                Money.cents(cents), balances(account)));
    }

    String write(List<Explanation> explanation) {
        try {
            return mapper.writeValueAsString(explanation == null ? List.of() : explanation);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an explanation is plain data", e);
        }
    }
}
