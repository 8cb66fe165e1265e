package fr.cpa.account.holder;

import fr.cpa.platform.contract.HolderStatusChanged;
import fr.cpa.platform.contract.Topics;
import fr.cpa.platform.outbox.Outbox;
import fr.cpa.platform.problem.Problem;
import fr.cpa.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Records a holder's dated situations, the low-qualified declaration and the OETH recognition; every
 * change emits {@code HolderStatusChanged} through the outbox in the same transaction.
 */
@ApplicationScoped
public class StatusService {

    private final Outbox outbox;
    private final Clock clock;

    StatusService(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    public StatusView.History history(UUID holderId) {
        holder(holderId, false);
        LocalDate today = LocalDate.now(clock);
        List<StatusView> periods = StatusPeriod.ofHolder(holderId).stream().map(StatusView::of).toList();
        List<StatusView> current = periods.stream()
                .filter(p -> !p.from().isAfter(today) && (p.to() == null || !p.to().isBefore(today)))
                .toList();
        return new StatusView.History(holderId, periods, current);
    }

    @Transactional
    public StatusView add(UUID holderId, StatusRequests.Add request, String declaredBy) {
        if (!request.status().isSituationOfWork()) {
            throw ProblemException.invalid("status", request.status() + " has its own endpoint ("
                    + (request.status() == Situation.LOW_QUALIFIED ? "low-qualified" : "disabled-worker") + ")");
        }
        Holder holder = holder(holderId, true);
        String category = request.category() == null ? null : request.category().strip().toUpperCase();
        LocalDate to = StatusRules.endOf(request.status(), request.from(), request.to(), holder.birthDate);
        refuse(StatusRules.checkNew(request.status(), category, request.from(), to, holder.birthDate,
                periods(holderId)));
        return record(holderId, request.status(), category, request.from(), to, declaredBy);
    }

    @Transactional
    public StatusView end(UUID holderId, UUID statusId, LocalDate to, boolean byTheHolder) {
        Holder holder = holder(holderId, true);
        StatusPeriod period = StatusPeriod.<StatusPeriod>findByIdOptional(statusId)
                .filter(p -> p.holderId.equals(holderId))
                .orElseThrow(() -> ProblemException.notFound("status " + statusId));
        if (period.status == Situation.LOW_QUALIFIED && !byTheHolder) {
            throw ProblemException.forbidden("only the holder ends their low-qualified declaration");
        }
        refuse(StatusRules.checkEnd(period.toPeriod(), to, holder.birthDate, periods(holderId)));
        period.endDate = to;
        emit(period);
        return StatusView.of(period);
    }

    /** The holder (or an advisor for them) declares having no level-3 diploma: from 1 January of this year. */
    @Transactional
    public StatusView declareLowQualified(UUID holderId, String declaredBy) {
        Holder holder = holder(holderId, true);
        LocalDate today = LocalDate.now(clock);
        if (!StatusRules.lowQualifiedDeclarationOpen(today)) {
            throw ProblemException.unprocessable("low-qualified-not-open", "the declaration has no effect before 2017");
        }
        List<StatusRules.Period> existing = periods(holderId);
        LocalDate from = StatusRules.lowQualifiedFrom(today);
        // declared again in the year it was ended: the new period starts the day after the old one
        for (StatusRules.Period p : existing) {
            if (p.status() == Situation.LOW_QUALIFIED && p.to() != null && !p.to().isBefore(from)) {
                from = p.to().plusDays(1);
            }
        }
        List<StatusRules.Violation> violations = StatusRules.checkNew(Situation.LOW_QUALIFIED, null, from, null,
                holder.birthDate, existing);
        if (!violations.isEmpty()) {
            throw ProblemException.conflict("already-declared", "the low-qualified declaration is already in force");
        }
        return record(holderId, Situation.LOW_QUALIFIED, null, from, null, declaredBy);
    }

    /** The holder ends their low-qualified declaration (they must, once it is no longer true). */
    @Transactional
    public StatusView endLowQualified(UUID holderId, LocalDate to) {
        holder(holderId, true);
        StatusRules.Period open = periods(holderId).stream()
                .filter(p -> p.status() == Situation.LOW_QUALIFIED && p.to() == null)
                .findFirst()
                .orElseThrow(() -> ProblemException.notFound("an open low-qualified declaration"));
        return end(holderId, open.id(), to, true);
    }

    @Transactional
    public StatusView addDisabledWorker(UUID holderId, StatusRequests.DisabledWorker request, String declaredBy) {
        Holder holder = holder(holderId, true);
        refuse(StatusRules.checkNew(Situation.DISABLED_WORKER, null, request.from(), request.to(), holder.birthDate,
                periods(holderId)));
        return record(holderId, Situation.DISABLED_WORKER, null, request.from(), request.to(), declaredBy);
    }

    private StatusView record(UUID holderId, Situation status, String category, LocalDate from, LocalDate to,
                              String declaredBy) {
        StatusPeriod period = new StatusPeriod();
        period.id = UUID.randomUUID();
        period.holderId = holderId;
        period.status = status;
        period.category = category;
        period.startDate = from;
        period.endDate = to;
        period.declaredBy = declaredBy;
        period.recordedAt = Instant.now(clock);
        period.persist();
        emit(period);
        return StatusView.of(period);
    }

    private void emit(StatusPeriod period) {
        outbox.publish(Topics.HOLDER, HolderStatusChanged.TYPE, period.holderId,
                new HolderStatusChanged(period.holderId, period.status.name(), period.category, period.startDate,
                        period.endDate));
    }

    private static List<StatusRules.Period> periods(UUID holderId) {
        return StatusPeriod.ofHolder(holderId).stream().map(StatusPeriod::toPeriod).toList();
    }

    /** The holder, locked for a change so that two concurrent periods cannot both pass the overlap check. */
    private static Holder holder(UUID holderId, boolean lock) {
        Holder holder = lock
                ? Holder.<Holder>findById(holderId, LockModeType.PESSIMISTIC_WRITE)
                : Holder.<Holder>findById(holderId);
        if (holder == null) {
            throw ProblemException.notFound("holder " + holderId);
        }
        return holder;
    }

    private static void refuse(List<StatusRules.Violation> violations) {
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations.stream()
                    .map(v -> new Problem.FieldError(v.field(), v.message())).toList());
        }
    }
}
