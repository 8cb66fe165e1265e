package fr.cpa.hardship.exposure;

import fr.cpa.hardship.account.C2pAccount;
import fr.cpa.hardship.rules.C2pParameters;
import fr.cpa.hardship.rules.CorrectionRule;
import fr.cpa.hardship.rules.Exposure;
import fr.cpa.hardship.rules.Factor;
import fr.cpa.hardship.rules.PointsRule;
import fr.cpa.hardship.rules.Unit;
import fr.cpa.hardship.rules.YearPoints;
import fr.cpa.platform.contract.C2pPointsAwarded;
import fr.cpa.platform.contract.ExposureDeclared;
import fr.cpa.platform.contract.ExposureWithdrawn;
import fr.cpa.platform.contract.Topics;
import fr.cpa.platform.event.MalformedEventException;
import fr.cpa.platform.outbox.Outbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Keeps the declared exposures and turns a closed year's exposures into points.
 *
 * <p>When: a year is assessed as soon as it is closed (from 1 January of the next year). A declaration
 * for a closed year is assessed on arrival; exposures that arrived while their year was open (a contract
 * ending in the year) are assessed by {@link #assessClosedYears()}, run daily by {@link YearClosing}.
 * A change to an assessed year is a correction: it is applied only within its window
 * ({@link CorrectionRule}), otherwise the declared change is not stored and the year keeps its points.
 */
@ApplicationScoped
public class ExposureService {

    private static final Logger LOG = Logger.getLogger(ExposureService.class);

    private final Outbox outbox;
    private final Clock clock;
    private final EntityManager em;

    ExposureService(Outbox outbox, Clock clock, EntityManager em) {
        this.outbox = outbox;
        this.clock = clock;
        this.em = em;
    }

    /** An employer declared (or re-declared) a factor for a holder and a year. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void declared(ExposureDeclared declared, Instant at) {
        Factor factor = factor(declared.factor(), declared.unit(), declared.quantity(), declared.months());
        Unit unit = Unit.valueOf(declared.unit());
        if (declared.holderId() == null || declared.declarationId() == null || declared.siret() == null
                || declared.year() < C2pParameters.FIRST_YEAR) {
            throw new MalformedEventException("ExposureDeclared lacks holderId, declarationId or siret, or has an impossible year");
        }
        if (declared.period() != null || declared.allFactors() != null) {
            declaredVersion(declared, at);
            return;
        }
        // An event from before period and allFactors: one factor at a time, a version overwriting its own.
        List<C2pExposure> current = C2pExposure.of(declared.holderId(), declared.year());
        Optional<C2pExposure> same = current.stream()
                .filter(e -> e.siret.equals(declared.siret()) && e.factor.equals(factor.name()) && e.unit.equals(unit.name()))
                .findFirst();
        if (same.isPresent() && same.get().declarationId.equals(declared.declarationId())
                && same.get().declarationVersion > declared.version()) {
            LOG.infof("ExposureDeclared version %d of declaration %s is older than the stored one: ignored",
                    declared.version(), declared.declarationId());
            return;
        }
        C2pExposure row = row(declared, null, declared.factor(), declared.unit(), declared.quantity(), declared.months(), at);
        List<C2pExposure> candidate = new ArrayList<>(current);
        same.ifPresent(candidate::remove);
        candidate.add(row);
        // Nothing is written before the decision: a refused correction leaves the stored declaration as it was.
        if (assess(declared.holderId(), declared.year(), candidate, day(at))) {
            if (same.isPresent()) {
                C2pExposure stored = same.get();
                stored.quantity = row.quantity;
                stored.months = row.months;
                stored.declarationId = row.declarationId;
                stored.declarationVersion = row.declarationVersion;
                stored.declaredAt = row.declaredAt;
            } else {
                row.persist();
            }
        }
    }

    /**
     * A declaration's whole set of factors for the holder replaces, in one decision, what the previous
     * versions of the same SIRET and month declared ("annule et remplace"): the correction rule compares
     * the year's points with the old version and with the new one, never with a mix of both (judging
     * factor by factor, a late version swapping one factor for another kept both). Every event of the
     * set carries it: it is applied with the event of its first factor, and the others find it done.
     * The replaced version's withdrawals that follow find nothing left to remove.
     */
    private void declaredVersion(ExposureDeclared declared, Instant at) {
        List<ExposureDeclared.DeclaredFactor> set = declared.allFactors();
        if (declared.period() == null || !declared.period().matches("\\d{4}-\\d{2}")
                || !declared.period().startsWith(declared.year() + "-") || set == null || set.isEmpty()
                || set.stream().noneMatch(f -> declared.factor().equals(f.factor()) && declared.unit().equals(f.unit()))) {
            throw new MalformedEventException("ExposureDeclared has a period that is not a month of its year, or "
                    + "allFactors without its own factor");
        }
        set.forEach(f -> factor(f.factor(), f.unit(), f.quantity(), f.months()));
        ExposureDeclared.DeclaredFactor first = set.get(0);
        if (!first.factor().equals(declared.factor()) || !first.unit().equals(declared.unit())) {
            return; // applied, or refused, with the set's first factor
        }
        List<C2pExposure> current = C2pExposure.of(declared.holderId(), declared.year());
        List<C2pExposure> replaced = current.stream()
                .filter(e -> e.siret.equals(declared.siret()) && declared.period().equals(e.period)).toList();
        Optional<C2pExposure> newer = replaced.stream()
                .filter(e -> e.declarationVersion > declared.version() || e.declarationId.equals(declared.declarationId()))
                .findFirst();
        if (newer.isPresent()) {
            // a re-sent event (say from the dead-letter topic) of a version already applied or since replaced
            LOG.infof("ExposureDeclared of declaration %s (version %d): version %d of %s %s is stored already, ignored",
                    declared.declarationId(), declared.version(), newer.get().declarationVersion, declared.siret(), declared.period());
            return;
        }
        List<C2pExposure> rows = set.stream()
                .map(f -> row(declared, declared.period(), f.factor(), f.unit(), f.quantity(), f.months(), at)).toList();
        List<C2pExposure> candidate = new ArrayList<>(current);
        candidate.removeAll(replaced);
        candidate.addAll(rows);
        if (assess(declared.holderId(), declared.year(), candidate, day(at))) {
            replaced.forEach(C2pExposure::delete);
            em.flush(); // the deletions first: the new rows may take the same (SIRET, month, factor, unit)
            rows.forEach(r -> r.persist());
        }
    }

    /** A replaced declaration's factor no longer counts. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void withdrawn(ExposureWithdrawn withdrawn, Instant at) {
        if (withdrawn.holderId() == null || withdrawn.declarationId() == null || withdrawn.factor() == null
                || withdrawn.year() < C2pParameters.FIRST_YEAR) {
            // matching nothing, it would be counted as applied without a trace
            throw new MalformedEventException("ExposureWithdrawn lacks holderId, declarationId or factor, or has an impossible year");
        }
        Predicate<C2pExposure> gone = e -> e.declarationId.equals(withdrawn.declarationId())
                && e.factor.equals(withdrawn.factor());
        List<C2pExposure> current = C2pExposure.of(withdrawn.holderId(), withdrawn.year());
        List<C2pExposure> removed = current.stream().filter(gone).toList();
        if (removed.isEmpty()) {
            return;
        }
        List<C2pExposure> candidate = current.stream().filter(gone.negate()).toList();
        if (assess(withdrawn.holderId(), withdrawn.year(), candidate, day(at))) {
            removed.forEach(C2pExposure::delete);
        }
    }

    /** The factor, once its unit, quantity and months are known to fit it; a malformed event otherwise. */
    private static Factor factor(String name, String unitName, long quantity, int months) {
        Factor factor = Factor.parse(name).orElseThrow(() -> new MalformedEventException("unknown hardship factor " + name));
        Unit unit = parseUnit(unitName);
        if (!factor.units().contains(unit)) {
            throw new MalformedEventException(factor + " is not measured in " + unit);
        }
        if (quantity < 0 || months < 0 || months > C2pParameters.MONTHS_IN_YEAR) {
            throw new MalformedEventException("ExposureDeclared has an impossible quantity or months");
        }
        return factor;
    }

    private C2pExposure row(ExposureDeclared declared, String period, String factor, String unit, long quantity, int months,
                            Instant at) {
        C2pExposure row = new C2pExposure();
        row.holderId = declared.holderId();
        row.year = declared.year();
        row.siret = declared.siret();
        row.period = period;
        row.factor = Factor.parse(factor).orElseThrow().name();
        row.unit = unit;
        row.quantity = quantity;
        row.months = months;
        row.declarationId = declared.declarationId();
        row.declarationVersion = declared.version();
        row.declaredAt = at == null ? clock.instant() : at;
        return row;
    }

    /** Assesses every closed year that has exposures but no points yet; one transaction per holder and year. */
    public int assessClosedYears() {
        int thisYear = LocalDate.now(clock).getYear();
        @SuppressWarnings("unchecked")
        List<Object[]> pending = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                        select distinct e.holder_id, e.year from c2p_exposure e
                        join c2p_account a on a.holder_id = e.holder_id
                        where e.year < :thisYear
                          and not exists (select 1 from c2p_year_award w where w.holder_id = e.holder_id and w.year = e.year)
                        order by 1, 2""")
                .setParameter("thisYear", thisYear)
                .getResultList());
        for (Object[] row : pending) {
            UUID holderId = (UUID) row[0];
            int year = ((Number) row[1]).intValue();
            QuarkusTransaction.requiringNew().run(() -> assessStored(holderId, year));
        }
        return pending.size();
    }

    /** Assesses a holder's closed years still without points (e.g. when their account opens after the exposures). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void assessPendingYears(UUID holderId) {
        int thisYear = LocalDate.now(clock).getYear();
        List<Integer> years = em.createQuery("""
                        select distinct e.year from C2pExposure e where e.holderId = :holder and e.year < :thisYear
                        and not exists (select 1 from YearAward w where w.holderId = e.holderId and w.year = e.year)
                        order by e.year""", Integer.class)
                .setParameter("holder", holderId).setParameter("thisYear", thisYear).getResultList();
        years.forEach(year -> assessStored(holderId, year));
    }

    private void assessStored(UUID holderId, int year) {
        assess(holderId, year, C2pExposure.of(holderId, year), LocalDate.now(clock));
    }

    /**
     * Scores {@code exposures} as the year's new state if the year is closed and the account open.
     *
     * @return whether the new state may be stored (false: a correction outside its window)
     */
    private boolean assess(UUID holderId, int year, List<C2pExposure> exposures, LocalDate on) {
        if (year >= LocalDate.now(clock).getYear()) {
            return true; // an open year is assessed when it closes
        }
        C2pAccount account = C2pAccount.findById(holderId, LockModeType.PESSIMISTIC_WRITE);
        if (account == null) {
            return true; // assessed when HolderRegistered opens the account
        }
        YearAward award = YearAward.find(holderId, year);
        int acquiredBefore = em.createQuery(
                        "select coalesce(sum(w.points), 0) from YearAward w where w.holderId = :holder and w.year < :year", Long.class)
                .setParameter("holder", holderId).setParameter("year", year).getSingleResult().intValue();
        YearPoints points = PointsRule.compute(year, account.birthDate, exposures.stream().map(ExposureService::exposure).toList(),
                acquiredBefore);
        CorrectionRule.Decision decision = CorrectionRule.decide(year, award == null ? null : award.points, points.points(), on);
        Instant now = clock.instant();
        if (!decision.accepted()) {
            LOG.infof("C2P %d of holder %s: %s", year, holderId, decision.reason());
            award.explanation = award.explanation + "\n" + decision.reason();
            return false;
        }
        int before = award == null ? 0 : award.points;
        boolean changed = award == null ? points.points() > 0 : award.points != points.points();
        List<String> explanation = new ArrayList<>(points.explanation());
        if (award != null && before != points.points()) {
            explanation.add(decision.reason());
        }
        boolean first = award == null;
        if (first) {
            award = new YearAward();
            award.holderId = holderId;
            award.year = year;
        }
        award.points = points.points();
        award.explanation = String.join("\n", explanation);
        award.assessedAt = now;
        if (first) {
            award.persist();
        }
        account.points += points.points() - before;
        if (changed) {
            // totalAfter: the points on the account now (acquired less used), as GET …/c2p shows as total
            // and as account-service's summary reads it.
            int used = em.createQuery("select coalesce(sum(u.points), 0) from C2pUse u where u.holderId = :holder", Long.class)
                    .setParameter("holder", holderId).getSingleResult().intValue();
            outbox.publish(Topics.C2P, C2pPointsAwarded.TYPE, holderId,
                    new C2pPointsAwarded(holderId, year, points.points(), account.points - used, explanation));
        }
        return true;
    }

    /**
     * A contract is an establishment's declaration of the year: the one of December, or of the month a contract
     * ended. A holder whose contract ended in June and who was hired again in the autumn by the same
     * establishment has two, whose points add up (R4163-9: per contract, per 3-month period).
     */
    private static Exposure exposure(C2pExposure row) {
        String contract = row.period == null ? row.siret : row.siret + " (" + row.period + ")";
        return new Exposure(contract, Factor.valueOf(row.factor), Unit.valueOf(row.unit), row.quantity, row.months);
    }

    private LocalDate day(Instant at) {
        return (at == null ? clock.instant() : at).atZone(clock.getZone()).toLocalDate();
    }

    private static Unit parseUnit(String unit) {
        try {
            return Unit.valueOf(unit);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new MalformedEventException("unknown exposure unit " + unit);
        }
    }
}
