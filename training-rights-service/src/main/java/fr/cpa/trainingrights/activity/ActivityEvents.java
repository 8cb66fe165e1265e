package fr.cpa.trainingrights.activity;

import fr.cpa.platform.consumer.IdempotentConsumer;
import fr.cpa.platform.contract.ActivityDeclared;
import fr.cpa.platform.contract.ActivityWithdrawn;
import fr.cpa.platform.event.EventEnvelope;
import fr.cpa.platform.event.EventJson;
import fr.cpa.platform.event.MalformedEventException;
import fr.cpa.trainingrights.acquisition.Acquisition;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Keeps each holder's declared monthly activity ({@code cpa.activity.v1}), the facts of the yearly run.
 * A newer version of a declaration for the same employer and month replaces the older figures (an older
 * version arriving late changes nothing); a withdrawal removes them.
 */
@ApplicationScoped
public class ActivityEvents {

    static final Pattern PERIOD = Pattern.compile("(20[0-9]{2})-(0[1-9]|1[0-2])");
    static final Set<String> STATUSES = Set.of("EMPLOYEE", "CIVIL_SERVANT");
    static final Set<String> UNITS = Set.of("HOURS", "DAYS", "NONE");

    private final IdempotentConsumer consumer;
    private final EventJson json;
    private final EntityManager em;
    private final Acquisition acquisition;

    ActivityEvents(IdempotentConsumer consumer, EventJson json, EntityManager em, Acquisition acquisition) {
        this.acquisition = acquisition;
        this.consumer = consumer;
        this.json = json;
        this.em = em;
    }

    @Incoming("activities")
    @Blocking
    public void onActivityEvent(ConsumerRecord<String, String> record) {
        consumer.consume("training-rights.activities", record, this::apply);
    }

    void apply(EventEnvelope event) {
        if (ActivityDeclared.TYPE.equals(event.type())) {
            ActivityDeclared a = json.data(event, ActivityDeclared.class);
            // a line sent again with the same figures (an employer's new version to fix another employee's line, a
            // redelivery, a late older version) changes none of the year's facts: it must not touch the account
            if (declared(a)) {
                acquisition.reconcile(a.holderId(), Integer.parseInt(a.period().substring(0, 4)), event.id(),
                        "ActivityDeclared " + a.declarationId() + " v" + a.version() + " for " + a.period() + " (SIRET " + a.siret() + ")");
            }
        } else if (ActivityWithdrawn.TYPE.equals(event.type())) {
            ActivityWithdrawn w = json.data(event, ActivityWithdrawn.class);
            var period = w.period() == null ? null : PERIOD.matcher(w.period());
            if (w.holderId() == null || w.declarationId() == null || period == null || !period.matches()) {
                throw new MalformedEventException("ActivityWithdrawn needs holderId, declarationId and period YYYY-MM");
            }
            int removed = em.createNativeQuery("delete from activity_month where holder_id = :h and declaration_id = :d and period = :p")
                    .setParameter("h", w.holderId()).setParameter("d", w.declarationId()).setParameter("p", w.period())
                    .executeUpdate();
            if (removed > 0) {
                acquisition.reconcile(w.holderId(), Integer.parseInt(period.group(1)), event.id(),
                        "ActivityWithdrawn " + w.declarationId() + " for " + w.period());
            }
        }
    }

    /**
     * Stores the month's figures and says whether the stored figures changed: a new month, or a newer (or the same)
     * version with different figures. A newer version with the same figures still replaces the declaration's id and
     * version (a withdrawal names the declaration), but changes nothing the rules read.
     */
    private boolean declared(ActivityDeclared a) {
        var period = a.period() == null ? null : PERIOD.matcher(a.period());
        if (a.holderId() == null || a.declarationId() == null || a.siret() == null || period == null || !period.matches()
                || !STATUSES.contains(a.status()) || !UNITS.contains(a.timeUnit())) {
            throw new MalformedEventException("ActivityDeclared needs holderId, declarationId, siret, period YYYY-MM, "
                    + "status EMPLOYEE/CIVIL_SERVANT and timeUnit HOURS/DAYS/NONE");
        }
        if (!"NONE".equals(a.timeUnit()) && (a.paidTime() == null || a.paidTime() < 0 || (a.referenceTime() != null && a.referenceTime() < 0))) {
            throw new MalformedEventException("ActivityDeclared in " + a.timeUnit() + " needs a non-negative paidTime");
        }
        long absences = a.countedAbsences() == null ? 0
                : a.countedAbsences().stream().mapToLong(ActivityDeclared.CountedAbsence::minutes).sum();
        // "old" reads the row as it was before the upsert (the statement's snapshot); "stored" is what the upsert wrote,
        // nothing when an older version was ignored
        Number changed = (Number) em.createNativeQuery("""
                        with old as (
                            select status, category, time_unit, paid_time, reference_time, gross_pay_cents, absence_minutes
                            from activity_month where holder_id = :h and siret = :siret and period = :p),
                        stored as (
                            insert into activity_month (holder_id, siret, declaration_id, period, year, version, status, category,
                                                        time_unit, paid_time, reference_time, gross_pay_cents, absence_minutes)
                            values (:h, :siret, :d, :p, :year, :v, :status, :category, :unit, :paid, :ref, :pay, :abs)
                            on conflict (holder_id, siret, period) do update set
                                declaration_id = excluded.declaration_id, version = excluded.version, status = excluded.status,
                                category = excluded.category, time_unit = excluded.time_unit, paid_time = excluded.paid_time,
                                reference_time = excluded.reference_time, gross_pay_cents = excluded.gross_pay_cents,
                                absence_minutes = excluded.absence_minutes
                            where activity_month.version <= excluded.version
                            returning status, category, time_unit, paid_time, reference_time, gross_pay_cents, absence_minutes)
                        select count(*) from stored s where not exists (
                            select 1 from old o
                            where (o.status, o.category, o.time_unit, o.paid_time, o.reference_time, o.gross_pay_cents, o.absence_minutes)
                                  is not distinct from
                                  (s.status, s.category, s.time_unit, s.paid_time, s.reference_time, s.gross_pay_cents, s.absence_minutes))""")
                .setParameter("h", a.holderId()).setParameter("siret", a.siret()).setParameter("d", a.declarationId())
                .setParameter("p", a.period()).setParameter("year", Integer.parseInt(period.group(1)))
                .setParameter("v", a.version()).setParameter("status", a.status()).setParameter("category", a.category())
                .setParameter("unit", a.timeUnit()).setParameter("paid", a.paidTime()).setParameter("ref", a.referenceTime())
                .setParameter("pay", a.grossPay() == null ? null : a.grossPay().amount()).setParameter("abs", absences)
                .getSingleResult();
        return changed.longValue() > 0;
    }
}
