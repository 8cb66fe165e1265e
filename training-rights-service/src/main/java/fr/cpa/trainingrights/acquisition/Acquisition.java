package fr.cpa.trainingrights.acquisition;

import fr.cpa.trainingrights.account.CpfAccount;
import fr.cpa.trainingrights.activity.YearlyActivity;
import fr.cpa.trainingrights.ledger.CpfEntry;
import fr.cpa.trainingrights.ledger.Ledger;
import fr.cpa.trainingrights.ledger.LedgerWriter;
import fr.cpa.trainingrights.rules.AccountState;
import fr.cpa.trainingrights.rules.AcquisitionRules;
import fr.cpa.trainingrights.rules.Conversion;
import fr.cpa.trainingrights.rules.ParameterTable;
import fr.cpa.trainingrights.rules.YearFacts;
import fr.cpa.trainingrights.rules.YearlyCredit;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.cpa.trainingrights.rules.Correction;
import fr.cpa.trainingrights.rules.Explanation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One holder's yearly acquisition: the year's facts through the rules, an ACQUISITION entry with its
 * explanation, and for hours-era years the conversion at once (2018 hours credited in 2019 convert at
 * 15 €/h). Once per (holder, year): an existing ACQUISITION entry means done.
 */
@ApplicationScoped
public class Acquisition {

    /** What happened to the holder. */
    public enum Outcome { CREDITED, NOTHING_DUE, ALREADY_DONE, NO_ACCOUNT, NOT_YET_RUN, CORRECTED, UNCHANGED }

    private final Ledger ledger;
    private final YearlyActivity activity;
    private final AcquisitionRules rules = new AcquisitionRules(ParameterTable.LAW);
    private final Conversion conversion = new Conversion(ParameterTable.LAW);

    private final EntityManager em;
    private final ObjectMapper mapper;

    private final Clock clock;

    Acquisition(Ledger ledger, YearlyActivity activity, EntityManager em, ObjectMapper mapper, Clock clock) {
        this.clock = clock;
        this.ledger = ledger;
        this.activity = activity;
        this.em = em;
        this.mapper = mapper;
    }

    /**
     * The account row is locked before the year's facts are read: a late declaration for this holder
     * ({@link #reconcile}) locks it too, so either the run reads the new facts or the declaration sees the
     * run's entry and corrects it — never neither.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Outcome acquire(UUID holderId, int year) {
        CpfAccount account = CpfAccount.findById(holderId, LockModeType.PESSIMISTIC_WRITE);
        if (account == null || account.closed) {
            return Outcome.NO_ACCOUNT;
        }
        if (CpfEntry.count("holderId = ?1 and year = ?2 and kind = ?3", holderId, year, CpfEntry.Kind.ACQUISITION) > 0) {
            return Outcome.ALREADY_DONE;
        }
        return credit(account, activity.facts(account, year), ledger);
    }

    /**
     * The year's credit of a locked account the year has not been acquired for, written through {@code ledger}:
     * the {@link Ledger} itself for one holder, a {@link fr.cpa.trainingrights.ledger.LedgerBatch} for a chunk of
     * the run ({@link AcquisitionChunk}) — the same entries, explanations and events either way.
     */
    Outcome credit(CpfAccount account, YearFacts facts, LedgerWriter ledger) {
        if (facts.activities().isEmpty()) {
            return Outcome.NOTHING_DUE;
        }
        int year = facts.year();
        AccountState before = new AccountState(account.ordinaryCents, account.hoursEraMinutes, account.hoursMinutes);
        YearlyCredit credit = rules.credit(facts, before);
        String pot = switch (credit.pot()) {
            case HOURS_ERA -> CpfEntry.HOURS_ERA;
            case CIVIL_SERVANT_HOURS -> CpfEntry.CIVIL_SERVANT_HOURS;
            case ORDINARY, NONE -> CpfEntry.ORDINARY;
        };
        // a zero credit is recorded too: the holder sees why nothing came (job seeker, cap reached…); the balances it was
        // computed on are kept with it, for the corrections of the year (reconcile)
        CpfEntry entry = ledger.append(account, Ledger.Draft.acquisition(pot, credit.cents(), credit.minutes(), year, before,
                credit.explanation()));
        if (entry.amountCents == 0 && entry.minutes == 0) {
            return Outcome.NOTHING_DUE;
        }
        ledger.publishCredited(account, entry);
        if (CpfEntry.HOURS_ERA.equals(pot)) {
            Conversion.Result converted = conversion.convert(account.hoursEraMinutes, 0, LocalDate.now(clock));
            ledger.append(account, Ledger.Draft.credit(CpfEntry.Kind.CONVERSION, CpfEntry.HOURS_ERA, 0, -converted.minutes(),
                    year, null, List.of(converted.explanation())));
            CpfEntry euros = ledger.append(account, Ledger.Draft.credit(CpfEntry.Kind.CONVERSION, CpfEntry.ORDINARY,
                    converted.cents(), 0, year, null, List.of(converted.explanation())));
            ledger.publishCredited(account, euros);
        }
        return Outcome.CREDITED;
    }

    /**
     * After a declaration of {@code year} changed (declared late, corrected, withdrawn): nothing to do
     * while the year's run has not reached the holder (it will read the new facts); once it has, the
     * year is computed again and the difference appended as a CORRECTION entry (or the ACQUISITION if the
     * run found nothing then). Hours-era years (before 2019) were converted on 1 January 2019 and are not
     * corrected here.
     * <p>
     * The year is computed again on the balances it was first credited on (the ACQUISITION's cap base), so the
     * correction is what the corrected year would have credited at the time, cap applied to the balance of that
     * time, minus what the year already gave: spending since neither adds cap room nor takes it away. Later years
     * keep what they were credited, each on its own base, even when this correction would have changed their cap
     * room (DOMAIN.md §1 says nothing of recomputing them): a raise of a year may so leave the ordinary balance above
     * the cap by what a later capped year was given on the smaller balance of its time.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Outcome reconcile(UUID holderId, int year, UUID eventId, String trigger) {
        CpfAccount account = CpfAccount.findById(holderId, LockModeType.PESSIMISTIC_WRITE);
        if (account == null || account.closed) {
            return Outcome.NO_ACCOUNT;
        }
        // the run's chunk holding the holder is DONE, or went holder by holder and has reached this one: the run is
        // past the holder; both are written in the transaction that locked the account, as this one does. A run not
        // cut yet has not started on anyone.
        @SuppressWarnings("unchecked")
        List<String> state = em.createNativeQuery("""
                        select case when not r.cut then 'PENDING'
                                    when c.state = 'DONE' or h.holder_id is not null then 'DONE' else coalesce(c.state, 'ABSENT') end
                        from acquisition_run r
                        left join acquisition_run_chunk c on c.run_id = r.id
                             and (c.from_holder is null or c.from_holder <= :h) and (c.to_holder is null or c.to_holder > :h)
                        left join acquisition_run_holder h on h.run_id = r.id and h.holder_id = :h
                        where r.year = :y""", String.class)
                .setParameter("h", holderId).setParameter("y", year).getResultList();
        if (state.isEmpty() || "PENDING".equals(state.get(0))) {
            return Outcome.NOT_YET_RUN;
        }
        List<CpfEntry> given = CpfEntry.list("holderId = ?1 and year = ?2 and kind in ?3 order by line", holderId, year,
                List.of(CpfEntry.Kind.ACQUISITION, CpfEntry.Kind.CORRECTION));
        if (given.isEmpty()) {
            // the run found no activity then, or the account opened after it started: the year's first credit, on the
            // balance of today (no balance of the run's time was kept for a holder it found nothing for)
            return acquire(holderId, year);
        }
        if (CpfEntry.HOURS_ERA.equals(given.get(0).pot) || year < Conversion.DAY.getYear()) {
            return Outcome.UNCHANGED;
        }
        long previousCents = given.stream().filter(e -> CpfEntry.ORDINARY.equals(e.pot)).mapToLong(e -> e.amountCents).sum();
        long previousMinutes = given.stream().filter(e -> CpfEntry.CIVIL_SERVANT_HOURS.equals(e.pot)).mapToLong(e -> e.minutes).sum();
        CpfEntry last = given.get(given.size() - 1);
        Correction.Previous previous = new Correction.Previous(previousCents, previousMinutes,
                "entry " + last.line + " (" + last.kind + " of " + last.createdAt + "): " + computation(last.explanation));
        YearFacts facts = activity.facts(account, year);
        // the balances the year was credited on (its explanation shows them as ordinaryBalanceBefore), never today's
        // minus what the year gave: those moved with every spending and credit since
        AccountState before = capBase(given.stream().filter(e -> e.kind == CpfEntry.Kind.ACQUISITION).findFirst()
                .orElseThrow(() -> new IllegalStateException("corrections of " + year + " without its acquisition")), account);
        YearlyCredit now = facts.activities().isEmpty()
                ? new YearlyCredit(year, "NONE", YearlyCredit.Pot.NONE, 0, 0, false, List.of(new Explanation("NO_ACTIVITY",
                "L6323-11", List.of(), Map.of("year", Integer.toString(year)), List.of("no declared activity left for the year"), "0 €")))
                : rules.credit(facts, before);
        Ledger.PotBalance ordinary = ledger.pots(holderId).get(CpfEntry.ORDINARY);
        long heldInOrdinary = ordinary == null ? 0 : ordinary.heldCents();
        Correction.Result correction = Correction.of(previous, now, account.ordinaryCents - heldInOrdinary, account.hoursMinutes, trigger);
        if (correction.changesNothing()) {
            return Outcome.UNCHANGED;
        }
        List<Explanation> why = Correction.explanation(correction, now);
        boolean first = true;
        if (correction.centsDelta() != 0) {
            CpfEntry entry = ledger.append(account, Ledger.Draft.credit(CpfEntry.Kind.CORRECTION, CpfEntry.ORDINARY,
                    correction.centsDelta(), 0, year, eventId, why));
            ledger.publishCredited(account, entry);
            first = false;
        }
        if (correction.minutesDelta() != 0) {
            CpfEntry entry = ledger.append(account, Ledger.Draft.credit(CpfEntry.Kind.CORRECTION, CpfEntry.CIVIL_SERVANT_HOURS,
                    0, correction.minutesDelta(), year, first ? eventId : null, why));
            ledger.publishCredited(account, entry);
        }
        return Outcome.CORRECTED;
    }

    /**
     * The statutory balances the year's {@code acquisition} was computed on: kept with it since V8, which derived them
     * for the acquisitions written before. An ACQUISITION appended by hand without them (never by this service) gets
     * the same derivation: the cached balances equal the sums of the entries, so the balances then were the sums of
     * the lines before it. Hours-era minutes are not kept: a year corrected here (2019 on) is in euros or civil
     * servants' hours, whose rules do not read them.
     */
    private AccountState capBase(CpfEntry acquisition, CpfAccount account) {
        if (acquisition.capBaseCents != null && acquisition.capBaseMinutes != null) {
            return new AccountState(acquisition.capBaseCents, account.hoursEraMinutes, acquisition.capBaseMinutes);
        }
        Object[] sums = (Object[]) em.createNativeQuery("""
                        select coalesce(sum(amount_cents) filter (where pot = 'ORDINARY'), 0),
                               coalesce(sum(minutes) filter (where pot = 'CIVIL_SERVANT_HOURS'), 0)
                        from cpf_entry where holder_id = :h and line < :line""")
                .setParameter("h", acquisition.holderId).setParameter("line", acquisition.line).getSingleResult();
        return new AccountState(((Number) sums[0]).longValue(), account.hoursEraMinutes, ((Number) sums[1]).longValue());
    }

    /** The results of a stored computation, the correction summaries left out. */
    private String computation(String explanationJson) {
        try {
            List<String> results = new java.util.ArrayList<>();
            for (JsonNode e : mapper.readTree(explanationJson)) {
                if (!"ACQUISITION_CORRECTION".equals(e.path("rule").asText())) {
                    results.add(e.path("rule").asText() + " → " + e.path("result").asText());
                }
            }
            return String.join("; ", results);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("stored explanation is JSON", e);
        }
    }
}
