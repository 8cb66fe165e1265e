package fr.cpa.catalogue.recommendation;

import fr.cpa.platform.consumer.IdempotentConsumer;
import fr.cpa.platform.contract.CpfCredited;
import fr.cpa.platform.contract.CpfMovement;
import fr.cpa.platform.contract.HolderRegistered;
import fr.cpa.platform.contract.HolderSkillsUpdated;
import fr.cpa.platform.contract.HolderStatusChanged;
import fr.cpa.platform.event.EventEnvelope;
import fr.cpa.platform.event.EventJson;
import fr.cpa.platform.event.MalformedEventException;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Keeps the read models of the recommendations and enrolments: a holder's skills profile ({@code cpa.holder.v1}
 * HolderSkillsUpdated), their dated situations (HolderRegistered, HolderStatusChanged) and their available CPF balance ({@code balancesAfter} of every
 * {@code cpa.cpf.v1} event). An older event never overwrites a newer state.
 */
@ApplicationScoped
public class HolderEvents {

    private final IdempotentConsumer consumer;
    private final EventJson json;
    private final EntityManager em;

    HolderEvents(IdempotentConsumer consumer, EventJson json, EntityManager em) {
        this.consumer = consumer;
        this.json = json;
        this.em = em;
    }

    @Incoming("holders")
    @Blocking
    public void onHolderEvent(ConsumerRecord<String, String> record) {
        consumer.consume("catalogue.holders", record, this::applyHolder);
    }

    @Incoming("cpf")
    @Blocking
    public void onCpfEvent(ConsumerRecord<String, String> record) {
        consumer.consume("catalogue.cpf", record, this::applyCpf);
    }

    void applyHolder(EventEnvelope event) {
        if (HolderRegistered.TYPE.equals(event.type())) {
            HolderRegistered registered = json.data(event, HolderRegistered.class);
            if (registered.holderId() == null) {
                throw new MalformedEventException("HolderRegistered without holderId");
            }
            if (registered.statuses() != null) {
                registered.statuses().forEach(s -> situation(event, registered.holderId(), s.status(), s.category(), s.from(), s.to()));
            }
            return;
        }
        if (HolderStatusChanged.TYPE.equals(event.type())) {
            HolderStatusChanged changed = json.data(event, HolderStatusChanged.class);
            if (changed.holderId() == null) {
                throw new MalformedEventException("HolderStatusChanged without holderId");
            }
            situation(event, changed.holderId(), changed.status(), changed.category(), changed.from(), changed.to());
            return;
        }
        if (!HolderSkillsUpdated.TYPE.equals(event.type())) {
            return;
        }
        HolderSkillsUpdated skills = json.data(event, HolderSkillsUpdated.class);
        if (skills.holderId() == null) {
            throw new MalformedEventException("HolderSkillsUpdated without holderId");
        }
        List<String> jobs = skills.targetJobs() == null ? List.of()
                : skills.targetJobs().stream().filter(Objects::nonNull).map(String::strip).distinct().toList();
        for (String job : jobs) {
            if (!job.matches("[A-N]\\d{4}")) {
                throw new MalformedEventException("target job " + job + " is not a ROME code");
            }
        }
        em.createNativeQuery("""
                        insert into holder_profile (holder_id, skills, target_jobs, region_code, as_of)
                        values (:id, cast(:skills as text[]), cast(:jobs as text[]), :region, :asOf)
                        on conflict (holder_id) do update set skills = excluded.skills, target_jobs = excluded.target_jobs,
                            region_code = excluded.region_code, as_of = excluded.as_of
                        where holder_profile.as_of <= excluded.as_of""")
                .setParameter("id", skills.holderId())
                .setParameter("skills", arrayLiteral(skills.skills() == null ? List.of() : skills.skills()))
                .setParameter("jobs", arrayLiteral(jobs))
                .setParameter("region", skills.region())
                .setParameter("asOf", time(event))
                .executeUpdate();
    }

    /**
     * A dated situation (job seeker…) kept for enrolments: the request tells training-rights whether the
     * holder is a job seeker that day (co-payment exemption). Keyed by (holder, status, start).
     */
    private void situation(EventEnvelope event, java.util.UUID holderId, String status, String category,
                           java.time.LocalDate from, java.time.LocalDate to) {
        if (status == null || from == null) {
            throw new MalformedEventException(event.type() + " needs a status and its start date");
        }
        em.createNativeQuery("""
                        insert into holder_situation (holder_id, status, category, from_date, to_date, as_of)
                        values (:h, :s, :c, :f, :t, :asOf)
                        on conflict (holder_id, status, from_date) do update set category = excluded.category,
                            to_date = excluded.to_date, as_of = excluded.as_of
                        where holder_situation.as_of <= excluded.as_of""")
                .unwrap(org.hibernate.query.NativeQuery.class)
                // typed, so that a null category or end date binds as its column's type
                .setParameter("h", holderId).setParameter("s", status).setParameter("c", category, String.class)
                .setParameter("f", from).setParameter("t", to, java.time.LocalDate.class).setParameter("asOf", time(event))
                .executeUpdate();
    }

    void applyCpf(EventEnvelope event) {
        fr.cpa.platform.contract.CpfBalances after;
        java.util.UUID holderId;
        if (CpfCredited.TYPE.equals(event.type())) {
            CpfCredited credited = json.data(event, CpfCredited.class);
            after = credited.balancesAfter();
            holderId = credited.holderId();
        } else if (CpfMovement.DEBITED.equals(event.type()) || CpfMovement.HOLD_CHANGED.equals(event.type())) {
            CpfMovement movement = json.data(event, CpfMovement.class);
            after = movement.balancesAfter();
            holderId = movement.holderId();
        } else {
            return;
        }
        if (holderId == null || after == null || after.available() == null) {
            throw new MalformedEventException(event.type() + " without holderId or balancesAfter.available");
        }
        em.createNativeQuery("""
                        insert into holder_balance (holder_id, available_cents, as_of) values (:id, :available, :asOf)
                        on conflict (holder_id) do update set available_cents = excluded.available_cents, as_of = excluded.as_of
                        where holder_balance.as_of <= excluded.as_of""")
                .setParameter("id", holderId)
                .setParameter("available", after.available().amount())
                .setParameter("asOf", time(event))
                .executeUpdate();
    }

    private static java.time.OffsetDateTime time(EventEnvelope event) {
        Instant t = event.time() == null ? Instant.now() : event.time();
        return t.atOffset(java.time.ZoneOffset.UTC);
    }

    /** A PostgreSQL array literal: {"a","b"} with quotes and backslashes escaped. */
    static String arrayLiteral(List<String> values) {
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append('"').append(values.get(i).replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return sb.append('}').toString();
    }
}
