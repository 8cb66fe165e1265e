package fr.cpa.hardship.use;

import fr.cpa.hardship.account.C2pAccount;
import fr.cpa.hardship.rules.Use;
import fr.cpa.hardship.rules.UseRule;
import fr.cpa.platform.contract.C2pPointsConverted;
import fr.cpa.platform.contract.C2pPointsUsed;
import fr.cpa.platform.contract.Topics;
import fr.cpa.platform.money.Money;
import fr.cpa.platform.outbox.Outbox;
import fr.cpa.platform.problem.Problem.FieldError;
import fr.cpa.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Applies a holder's use of points under {@link UseRule}; training and reconversion go to the CPF by event. */
@ApplicationScoped
public class UseService {

    static final int MAX_POINTS_PER_USE = 10_000;

    private final Outbox outbox;
    private final Clock clock;
    private final EntityManager em;

    UseService(Outbox outbox, Clock clock, EntityManager em) {
        this.outbox = outbox;
        this.clock = clock;
        this.em = em;
    }

    /** The rules' view of an account: career points and points used per use. */
    public UseRule.Account state(C2pAccount account) {
        Map<Use, Integer> used = new EnumMap<>(Use.class);
        List<Object[]> rows = em.createQuery(
                        "select u.kind, sum(u.points) from C2pUse u where u.holderId = :holder group by u.kind", Object[].class)
                .setParameter("holder", account.holderId).getResultList();
        for (Object[] row : rows) {
            used.put(Use.valueOf((String) row[0]), ((Number) row[1]).intValue());
        }
        return new UseRule.Account(account.birthDate, account.points, used);
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    @Transactional
    public UseView use(UUID holderId, UseRequest request) {
        Use use = validate(request);
        // Locked: two uses at once must not both spend the same points.
        C2pAccount account = C2pAccount.findById(holderId, LockModeType.PESSIMISTIC_WRITE);
        if (account == null) {
            throw ProblemException.notFound("C2P account of holder " + holderId);
        }
        LocalDate today = today();
        UseRule.Outcome outcome = UseRule.decide(use, request.points(), state(account), today);
        if (!outcome.applied()) {
            throw new ProblemException(422, "c2p-use-refused", "Refused by the rules",
                    use + " of " + request.points() + " points refused: " + String.join("; ", outcome.reasons()),
                    outcome.reasons().stream().map(reason -> new FieldError("points", reason)).toList());
        }
        C2pUse row = new C2pUse();
        row.id = UUID.randomUUID();
        row.holderId = holderId;
        row.kind = use.name();
        row.points = outcome.points();
        row.usedOn = today;
        row.amountCents = outcome.cents() > 0 ? outcome.cents() : null;
        row.minutes = outcome.minutes() > 0 ? outcome.minutes() : null;
        row.quarters = outcome.quarters() > 0 ? outcome.quarters() : null;
        row.explanation = String.join("\n", outcome.explanation());
        row.createdAt = clock.instant();
        row.persist();
        if (use.mayUseReserved() && row.amountCents != null) {
            outbox.publish(Topics.C2P, C2pPointsConverted.TYPE, holderId,
                    new C2pPointsConverted(holderId, row.id, use.name(), row.points, Money.cents(row.amountCents)));
        }
        // Every use, money or not: part-time and retirement send no conversion, and without this the
        // summary kept showing the points they took. Sent after the conversion so that a consumer reading
        // both sees the total last. totalAfter as the awards compute it (acquired less used, this use
        // included), under the account's lock, so two uses cannot publish the same total.
        int used = em.createQuery("select coalesce(sum(u.points), 0) from C2pUse u where u.holderId = :holder", Long.class)
                .setParameter("holder", holderId).getSingleResult().intValue();
        outbox.publish(Topics.C2P, C2pPointsUsed.TYPE, holderId,
                new C2pPointsUsed(holderId, row.id, use.name(), row.points, row.usedOn, account.points - used));
        return UseView.of(row);
    }

    private static Use validate(UseRequest request) {
        if (request == null) {
            throw ProblemException.invalid("body", "a use request is required");
        }
        List<FieldError> errors = new ArrayList<>();
        Use use = null;
        if (request.use() == null) {
            errors.add(new FieldError("use", "is required: TRAINING, RECONVERSION, PART_TIME or RETIREMENT"));
        } else {
            try {
                use = Use.valueOf(request.use());
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("use", "must be TRAINING, RECONVERSION, PART_TIME or RETIREMENT"));
            }
        }
        if (request.points() == null) {
            errors.add(new FieldError("points", "is required"));
        } else if (request.points() < 1 || request.points() > MAX_POINTS_PER_USE) {
            errors.add(new FieldError("points", "must be between 1 and " + MAX_POINTS_PER_USE));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return use;
    }
}
