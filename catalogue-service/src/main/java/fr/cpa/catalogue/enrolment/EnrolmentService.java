package fr.cpa.catalogue.enrolment;

import fr.cpa.catalogue.offer.Offer;
import fr.cpa.catalogue.offer.TrainingSession;
import fr.cpa.catalogue.organisation.Organisation;
import fr.cpa.catalogue.reference.Geography;
import fr.cpa.catalogue.rules.CatalogueRules;
import fr.cpa.catalogue.rules.EnrolmentLifecycle;
import fr.cpa.catalogue.rules.EnrolmentLifecycle.Action;
import fr.cpa.catalogue.rules.EnrolmentLifecycle.Decision;
import fr.cpa.catalogue.rules.EnrolmentLifecycle.State;
import fr.cpa.catalogue.rules.EnrolmentParameters;
import fr.cpa.catalogue.rules.WorkingDays;
import fr.cpa.platform.contract.EnrolmentRequested;
import fr.cpa.platform.contract.EnrolmentTransition;
import fr.cpa.platform.contract.Topics;
import fr.cpa.platform.money.Money;
import fr.cpa.platform.outbox.Outbox;
import fr.cpa.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Enrolments: the request (published as {@code EnrolmentRequested} through the outbox), the organisation's
 * and the holder's transitions, the funding saga's answers and the deadlines' expiry. Every change of
 * state and its event are written in one transaction; the lifecycle's rules are {@link EnrolmentLifecycle}.
 */
@ApplicationScoped
public class EnrolmentService {

    /** States in which an enrolment holds a seat and blocks a second request for the same session. */
    static final Set<State> ACTIVE = EnumSet.of(State.REQUESTED, State.AWAITING_ORGANISATION, State.ACCEPTED,
            State.VALIDATED, State.IN_TRAINING, State.ENDED);

    private final Outbox outbox;
    private final EntityManager em;
    private final Geography geography;
    private final Clock clock;
    private final EnrolmentConfig config;

    EnrolmentService(Outbox outbox, EntityManager em, Geography geography, Clock clock, EnrolmentConfig config) {
        this.outbox = outbox;
        this.em = em;
        this.geography = geography;
        this.clock = clock;
        this.config = config;
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    @Transactional
    public EnrolmentApi.EnrolmentView request(UUID holderId, EnrolmentApi.EnrolmentRequest body) {
        TrainingSession session = TrainingSession.findById(body.sessionId(), LockModeType.PESSIMISTIC_WRITE);
        if (session == null) {
            throw ProblemException.invalid("sessionId", "no such session");
        }
        Offer offer = Offer.findById(session.offerId);
        Organisation organisation = Organisation.findById(offer.organisationId);
        LocalDate today = today();
        if (session.status != TrainingSession.Status.OPEN || offer.status != Offer.Status.PUBLISHED
                || organisation.status != Organisation.Status.ACTIVE) {
            throw ProblemException.unprocessable("not-purchasable", "this session is not open for enrolment");
        }
        requireCertified(organisation, today);
        if (!offer.cpfEligible || offer.priceMinCents == null || offer.priceMinCents <= 0) {
            throw ProblemException.unprocessable("not-purchasable", "this offer cannot be paid with the CPF");
        }
        int withdrawal = EnrolmentParameters.on(today).withdrawalDays();
        if (!WorkingDays.plus(today, withdrawal).isBefore(session.startDate)) {
            throw ProblemException.unprocessable("session-too-soon", "the session starts on " + session.startDate
                    + ": a training may start only after " + withdrawal + " working days of withdrawal period");
        }
        long coFunding = body.employerCoFunding() == null ? 0 : body.employerCoFunding().amount();
        if (coFunding < 0 || coFunding > offer.priceMinCents) {
            throw ProblemException.invalid("employerCoFunding.amount", "must be between 0 and the price");
        }
        long sameSession = Enrolment.count("holderId = ?1 and sessionId = ?2 and state in ?3", holderId, session.id, ACTIVE);
        if (sameSession > 0) {
            throw ProblemException.conflict("already-enrolled", "you already have an enrolment in this session");
        }
        long taken = Enrolment.count("sessionId = ?1 and state in ?2", session.id, ACTIVE);
        if (taken >= session.seats) {
            throw ProblemException.conflict("session-full", "every seat of this session is taken");
        }
        Enrolment e = new Enrolment();
        e.id = UUID.randomUUID();
        e.holderId = holderId;
        e.offerId = offer.id;
        e.sessionId = session.id;
        e.organisationId = organisation.id;
        e.state = State.REQUESTED;
        e.certificationType = offer.certificationType;
        e.certificationCode = offer.certificationCode;
        e.certificationTitle = offer.certificationTitle;
        e.priceCents = offer.priceMinCents;
        e.employerCoFundingCents = coFunding;
        e.jobSeeker = jobSeeker(holderId, today);
        e.prerequisites = offer.prerequisites;
        e.startDate = session.startDate;
        e.regionCode = region(session, offer);
        e.requestedAt = clock.instant();
        e.updatedAt = e.requestedAt;
        e.persist();
        outbox.publish(Topics.ENROLMENT, EnrolmentRequested.TYPE, holderId, new EnrolmentRequested(e.id, holderId,
                offer.id, offer.certificationType.name(), offer.certificationCode, Money.cents(e.priceCents),
                e.startDate, e.jobSeeker, Money.cents(coFunding)));
        return view(e);
    }

    /** The holder's situation on the day of the request, from cpa.holder.v1 (co-payment exemption). */
    boolean jobSeeker(UUID holderId, LocalDate day) {
        Number n = (Number) em.createNativeQuery("""
                        select count(*) from holder_situation where holder_id = :h and status = 'JOB_SEEKER'
                        and from_date <= :d and (to_date is null or to_date >= :d)""")
                .setParameter("h", holderId).setParameter("d", day).getSingleResult();
        return n.longValue() > 0;
    }

    private String region(TrainingSession session, Offer offer) {
        if (session.departmentCode != null) {
            var dep = geography.department(session.departmentCode);
            if (dep.isPresent()) {
                return dep.get().regionCode();
            }
        }
        return offer.regionCodes != null && offer.regionCodes.length > 0 ? offer.regionCodes[0] : null;
    }

    public EnrolmentApi.EnrolmentView get(UUID id, Consumer<Parties> authorise) {
        Enrolment e = Enrolment.findById(id);
        if (e == null) {
            throw ProblemException.notFound("enrolment " + id);
        }
        authorise.accept(parties(e));
        return view(e);
    }

    public EnrolmentApi.EnrolmentList ofHolder(UUID holderId) {
        List<Enrolment> list = Enrolment.list("holderId = ?1 order by requestedAt desc, id", holderId);
        return new EnrolmentApi.EnrolmentList(list.stream().map(this::view).toList());
    }

    /** Who an enrolment belongs to: its holder and its organisation's SIRET, for the ownership checks. */
    public record Parties(UUID holderId, String siret) {
    }

    private static Parties parties(Enrolment e) {
        Organisation o = Organisation.findById(e.organisationId);
        return new Parties(e.holderId, o.siret);
    }

    /**
     * An organisation's or a holder's action: the enrolment is locked, the caller checked against its
     * parties, the lifecycle decides, and the state and its event are written together.
     */
    @Transactional(dontRollbackOn = DeadlinePassed.class)
    public EnrolmentApi.EnrolmentView act(UUID id, Action action, String reason, Consumer<Parties> authorise) {
        Enrolment e = Enrolment.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (e == null) {
            throw ProblemException.notFound("enrolment " + id);
        }
        authorise.accept(parties(e));
        try {
            apply(e, action, reason, null);
        } catch (DeadlinePassed late) {
            // too late for the action: the enrolment expires now, as the sweep would have expired it, and
            // that expiry is committed with the refusal (hence dontRollbackOn)
            expireOverdue(e);
            throw late;
        }
        return view(e);
    }

    /**
     * Applies a decided transition; refuses with 409 naming the rule otherwise ({@link DeadlinePassed} when the
     * deadline has passed, the enrolment left as it was: the caller expires it), and with 422
     * {@code organisation-not-certified} an acceptance or an entry into training by an organisation without a
     * valid Qualiopi certificate.
     */
    void apply(Enrolment e, Action action, String reason, String detail) {
        LocalDate today = today();
        Decision d = EnrolmentLifecycle.decide(e.state, action,
                new EnrolmentLifecycle.Facts(today, e.startDate, e.prerequisites, e.deadline));
        if (!d.allowed()) {
            if (EnrolmentLifecycle.DEADLINE_PASSED.equals(d.refusal().code())) {
                throw new DeadlinePassed(d.refusal().detail());
            }
            throw ProblemException.conflict(d.refusal().code(), d.refusal().detail());
        }
        if (action == Action.ACCEPT || action == Action.START) {
            // the certificate may have lapsed since the request: accepting commits the organisation to be
            // paid, the entry into training captures the money (L6316-1)
            requireCertified(Organisation.findById(e.organisationId), today);
        }
        e.state = d.outcome().next();
        e.deadline = d.outcome().deadline();
        e.updatedAt = clock.instant();
        switch (action) {
            case FUNDS_RESERVED -> e.fundsReservedOn = today;
            case ACCEPT -> e.acceptedOn = today;
            case CONFIRM -> e.validatedOn = today;
            case START -> {
                e.startedOn = today;
                publish(e, EnrolmentTransition.STARTED, null, today, null);
            }
            case END -> e.endedOn = today;
            case COMPLETE -> {
                e.completedOn = today;
                publish(e, EnrolmentTransition.COMPLETED, null, today, null);
            }
            case FUNDS_REFUSED -> close(e, Enrolment.ClosedBy.TRAINING_RIGHTS, reason, detail, null, today);
            case REFUSE -> {
                close(e, Enrolment.ClosedBy.ORGANISATION, reason, null, null, today);
                publish(e, EnrolmentTransition.REFUSED, reason, today, null);
            }
            case CANCEL_BY_HOLDER, CANCEL_BY_ORGANISATION, EXPIRE -> {
                Enrolment.ClosedBy by = switch (action) {
                    case CANCEL_BY_HOLDER -> Enrolment.ClosedBy.HOLDER;
                    case CANCEL_BY_ORGANISATION -> Enrolment.ClosedBy.ORGANISATION;
                    default -> Enrolment.ClosedBy.DEADLINE;
                };
                String why = reason != null ? reason : by == Enrolment.ClosedBy.DEADLINE ? "DEADLINE" : by + "_CANCELLED";
                close(e, by, why, null, d.outcome().fullRecredit(), today);
                publish(e, EnrolmentTransition.CANCELLED, why, today, d.outcome().fullRecredit());
            }
        }
    }

    /** 422 {@code organisation-not-certified} unless the organisation holds a Qualiopi certificate valid on {@code day}. */
    private static void requireCertified(Organisation organisation, LocalDate day) {
        CatalogueRules.qualiopiRefusal(organisation.asPublisher(), day).ifPresent(why -> {
            throw ProblemException.unprocessable("organisation-not-certified",
                    why + ": its training cannot be paid with the CPF");
        });
    }

    private static void close(Enrolment e, Enrolment.ClosedBy by, String reason, String detail, Boolean fullRecredit, LocalDate today) {
        e.closedOn = today;
        e.closedBy = by;
        e.reason = reason;
        e.reasonDetail = detail;
        e.fullRecredit = fullRecredit;
    }

    private void publish(Enrolment e, String type, String reason, LocalDate date, Boolean fullRecredit) {
        outbox.publish(Topics.ENROLMENT, type, e.holderId, new EnrolmentTransition(e.id, e.holderId, reason, date, fullRecredit));
    }

    // --- the funding saga's answers (cpa.funding.v1), called inside the consumer's transaction -----------

    /**
     * Records a funding event once (its id is the key) and tells whether it is new. A redelivered event
     * finds its row and changes nothing.
     */
    boolean record(UUID eventId, UUID enrolmentId, String type, Long amountCents, String reason, String detail, boolean applied) {
        // the enrolment's row lock is held: two deliveries of one event cannot both pass this check
        if (eventId == null || FundingEventRecord.findById(eventId) != null) {
            return false;
        }
        FundingEventRecord r = new FundingEventRecord();
        r.eventId = eventId;
        r.enrolmentId = enrolmentId;
        r.type = type;
        r.amountCents = amountCents;
        r.reason = reason;
        r.detail = detail;
        r.applied = applied;
        r.receivedAt = clock.instant();
        r.persist();
        return true;
    }

    Enrolment lock(UUID enrolmentId) {
        return Enrolment.findById(enrolmentId, LockModeType.PESSIMISTIC_WRITE);
    }

    /** FundsReserved: the request goes to the organisation, whose answer deadline starts now. */
    @Transactional
    void fundsReserved(UUID eventId, Enrolment e, long heldCents, long remainderCents, long coPaymentCents) {
        boolean applies = e.state == State.REQUESTED;
        if (!record(eventId, e.id, "FundsReserved", heldCents, null, null, applies) || !applies) {
            return; // already applied, or the enrolment was cancelled meanwhile: its cancellation releases the hold
        }
        e.heldCents = heldCents;
        e.remainderDueCents = remainderCents;
        e.coPaymentCents = coPaymentCents;
        apply(e, Action.FUNDS_RESERVED, null, null);
    }

    /** FundsRefused: the enrolment is refused, with the CPF's reason shown to the holder. */
    @Transactional
    void fundsRefused(UUID eventId, Enrolment e, String reason, String detail) {
        boolean applies = e.state == State.REQUESTED;
        if (!record(eventId, e.id, "FundsRefused", null, reason, detail, applies) || !applies) {
            return;
        }
        apply(e, Action.FUNDS_REFUSED, reason == null ? "FUNDS_REFUSED" : reason, detail);
    }

    /** FundsCaptured / FundsReleased: recorded on the enrolment (the state does not depend on them). */
    @Transactional
    void fundsSettled(UUID eventId, Enrolment e, boolean captured, long amountCents) {
        if (!record(eventId, e.id, captured ? "FundsCaptured" : "FundsReleased", amountCents, null, null, true)) {
            return;
        }
        if (captured) {
            e.capturedCents += amountCents;
        } else {
            e.releasedCents += amountCents;
        }
        e.updatedAt = clock.instant();
    }

    // --- deadlines ------------------------------------------------------------------------------------

    /** Ids of enrolments whose awaited party is late: funds not answered in time or a working-day deadline passed. */
    @SuppressWarnings("unchecked")
    List<UUID> overdue(int limit) {
        return em.createNativeQuery("""
                        select id from enrolment
                        where (state = 'REQUESTED' and requested_at < :fundsLimit)
                           or (state in ('AWAITING_ORGANISATION', 'ACCEPTED', 'VALIDATED') and deadline < :today)
                        order by requested_at limit :limit""", UUID.class)
                .setParameter("fundsLimit", clock.instant().minus(config.fundsTimeout()).atOffset(java.time.ZoneOffset.UTC))
                .setParameter("today", today())
                .setParameter("limit", limit)
                .getResultList();
    }

    /** Cancels one late enrolment (re-checked under its lock) and emits the cancellation, so that holds are released. */
    @Transactional
    boolean expire(UUID id) {
        Enrolment e = lock(id);
        if (e == null) {
            return false;
        }
        Instant now = clock.instant();
        boolean late = e.state == State.REQUESTED
                ? e.requestedAt.plus(config.fundsTimeout()).isBefore(now)
                : EnrolmentLifecycle.overdue(e.state, e.deadline, today());
        if (!late) {
            return false;
        }
        expireOverdue(e);
        return true;
    }

    /** Cancels a late enrolment with the reason of the state it waited in and a full re-credit. */
    private void expireOverdue(Enrolment e) {
        apply(e, Action.EXPIRE, EnrolmentLifecycle.expiryReason(e.state).orElse("DEADLINE"), null);
    }

    EnrolmentApi.EnrolmentView view(Enrolment e) {
        Offer offer = Offer.findById(e.offerId);
        Organisation o = Organisation.findById(e.organisationId);
        EnrolmentApi.Funding funding = new EnrolmentApi.Funding(money(e.heldCents), money(e.remainderDueCents),
                money(e.coPaymentCents), Money.cents(e.capturedCents), Money.cents(e.releasedCents));
        return new EnrolmentApi.EnrolmentView(e.id, e.holderId, e.state.name(), e.offerId, offer == null ? null : offer.title,
                e.sessionId, e.startDate, o.siret, o.name,
                new EnrolmentApi.Certification(e.certificationType, e.certificationCode, e.certificationTitle),
                Money.cents(e.priceCents), Money.cents(e.employerCoFundingCents), e.jobSeeker, e.regionCode, e.deadline,
                funding, e.requestedAt, e.acceptedOn, e.validatedOn, e.startedOn, e.endedOn, e.completedOn, e.closedOn,
                e.closedBy == null ? null : e.closedBy.name(), e.reason, e.reasonDetail, e.fullRecredit);
    }

    private static Money money(Long cents) {
        return cents == null ? null : Money.cents(cents);
    }
}
