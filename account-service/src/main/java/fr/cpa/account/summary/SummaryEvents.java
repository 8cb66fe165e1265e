package fr.cpa.account.summary;

import fr.cpa.platform.consumer.IdempotentConsumer;
import fr.cpa.platform.contract.C2pPointsAwarded;
import fr.cpa.platform.contract.C2pPointsConverted;
import fr.cpa.platform.contract.CecCredited;
import fr.cpa.platform.contract.CpfBalances;
import fr.cpa.platform.contract.CpfCredited;
import fr.cpa.platform.contract.CpfMovement;
import fr.cpa.platform.contract.EnrolmentRequested;
import fr.cpa.platform.contract.EnrolmentTransition;
import fr.cpa.platform.event.EventEnvelope;
import fr.cpa.platform.event.EventJson;
import fr.cpa.platform.event.MalformedEventException;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

/**
 * Feeds the CPA summary from the accounts' events. The CPF events carry the balances after the
 * movement, C2P awards and CEC credits their totals after: the read model copies them, keeping the
 * latest by event time, so that a late redelivery cannot roll a balance back.
 */
@ApplicationScoped
public class SummaryEvents {

    private final IdempotentConsumer consumer;
    private final EventJson json;
    private final EntityManager em;

    SummaryEvents(IdempotentConsumer consumer, EventJson json, EntityManager em) {
        this.consumer = consumer;
        this.json = json;
        this.em = em;
    }

    @Incoming("cpf")
    @Blocking
    public void onCpf(ConsumerRecord<String, String> record) {
        consumer.consume("account.summary.cpf", record, this::applyCpf);
    }

    @Incoming("c2p")
    @Blocking
    public void onC2p(ConsumerRecord<String, String> record) {
        consumer.consume("account.summary.c2p", record, this::applyC2p);
    }

    @Incoming("cec")
    @Blocking
    public void onCec(ConsumerRecord<String, String> record) {
        consumer.consume("account.summary.cec", record, this::applyCec);
    }

    @Incoming("enrolments")
    @Blocking
    public void onEnrolment(ConsumerRecord<String, String> record) {
        consumer.consume("account.summary.enrolments", record, this::applyEnrolment);
    }

    void applyCpf(EventEnvelope event) {
        CpfBalances balances;
        UUID holderId;
        switch (event.type()) {
            case CpfCredited.TYPE -> {
                CpfCredited credited = json.data(event, CpfCredited.class);
                holderId = credited.holderId();
                balances = credited.balancesAfter();
            }
            case CpfMovement.DEBITED, CpfMovement.HOLD_CHANGED -> {
                CpfMovement movement = json.data(event, CpfMovement.class);
                holderId = movement.holderId();
                balances = movement.balancesAfter();
            }
            default -> {
                return; // another type of the topic: not part of the summary
            }
        }
        if (holderId == null || balances == null) {
            throw new MalformedEventException(event.type() + " lacks holderId or balancesAfter");
        }
        ensureRow(holderId);
        em.createNativeQuery("""
                        update holder_summary set cpf_ordinary = :ordinary, cpf_cec = :cec, cpf_top_ups = :topUps,
                        cpf_held = :held, cpf_available = :available, cpf_hours_minutes = :minutes, cpf_as_of = :time
                        where holder_id = :holder and (cpf_as_of is null or cpf_as_of <= :time)""")
                .setParameter("ordinary", cents(balances.ordinary()))
                .setParameter("cec", cents(balances.cec()))
                .setParameter("topUps", cents(balances.topUps()))
                .setParameter("held", cents(balances.held()))
                .setParameter("available", cents(balances.available()))
                .setParameter("minutes", balances.hoursMinutes())
                .setParameter("time", time(event))
                .setParameter("holder", holderId)
                .executeUpdate();
    }

    void applyC2p(EventEnvelope event) {
        switch (event.type()) {
            case C2pPointsAwarded.TYPE -> {
                C2pPointsAwarded awarded = json.data(event, C2pPointsAwarded.class);
                ensureRow(awarded.holderId());
                em.createNativeQuery("""
                                update holder_summary set c2p_total = :total, c2p_as_of = :time
                                where holder_id = :holder and (c2p_as_of is null or c2p_as_of <= :time)""")
                        .setParameter("total", awarded.totalAfter())
                        .setParameter("time", time(event))
                        .setParameter("holder", awarded.holderId())
                        .executeUpdate();
            }
            case C2pPointsConverted.TYPE -> {
                C2pPointsConverted converted = json.data(event, C2pPointsConverted.class);
                ensureRow(converted.holderId());
                int forTraining = "TRAINING".equals(converted.use()) || "RECONVERSION".equals(converted.use())
                        ? converted.points() : 0;
                em.createNativeQuery("""
                                update holder_summary set c2p_total = c2p_total - :points,
                                c2p_used_training = c2p_used_training + :training,
                                c2p_as_of = greatest(coalesce(c2p_as_of, :time), :time)
                                where holder_id = :holder""")
                        .setParameter("points", converted.points())
                        .setParameter("training", forTraining)
                        .setParameter("time", time(event))
                        .setParameter("holder", converted.holderId())
                        .executeUpdate();
            }
            default -> {
                // not part of the summary
            }
        }
    }

    void applyCec(EventEnvelope event) {
        if (!CecCredited.TYPE.equals(event.type())) {
            return;
        }
        CecCredited credited = json.data(event, CecCredited.class);
        ensureRow(credited.holderId());
        em.createNativeQuery("""
                        update holder_summary set cec_total = :total, cec_total_minutes = :minutes, cec_as_of = :time
                        where holder_id = :holder and (cec_as_of is null or cec_as_of <= :time)""")
                .setParameter("total", cents(credited.totalAfter()))
                .setParameter("minutes", credited.totalMinutesAfter() == null ? 0L : credited.totalMinutesAfter())
                .setParameter("time", time(event))
                .setParameter("holder", credited.holderId())
                .executeUpdate();
    }

    void applyEnrolment(EventEnvelope event) {
        UUID holderId;
        switch (event.type()) {
            case EnrolmentRequested.TYPE -> {
                EnrolmentRequested requested = json.data(event, EnrolmentRequested.class);
                holderId = requested.holderId();
                em.createNativeQuery("""
                                insert into holder_enrolment (enrolment_id, holder_id, offer_id, state, start_date, updated_at)
                                values (:id, :holder, :offer, 'REQUESTED', :start, :time) on conflict (enrolment_id) do nothing""")
                        .setParameter("id", requested.enrolmentId())
                        .setParameter("holder", requested.holderId())
                        .setParameter("offer", requested.offerId())
                        .setParameter("start", requested.startDate())
                        .setParameter("time", time(event))
                        .executeUpdate();
            }
            case EnrolmentTransition.STARTED, EnrolmentTransition.CANCELLED, EnrolmentTransition.REFUSED,
                 EnrolmentTransition.COMPLETED -> {
                EnrolmentTransition transition = json.data(event, EnrolmentTransition.class);
                holderId = transition.holderId();
                String state = switch (event.type()) {
                    case EnrolmentTransition.STARTED -> "IN_TRAINING";
                    case EnrolmentTransition.CANCELLED -> "CANCELLED";
                    case EnrolmentTransition.REFUSED -> "REFUSED";
                    default -> "COMPLETED";
                };
                // an enrolment requested before this read model existed still shows its state
                em.createNativeQuery("""
                                insert into holder_enrolment (enrolment_id, holder_id, state, updated_at)
                                values (:id, :holder, :state, :time)
                                on conflict (enrolment_id) do update set state = excluded.state, updated_at = excluded.updated_at
                                where holder_enrolment.updated_at <= excluded.updated_at""")
                        .setParameter("id", transition.enrolmentId())
                        .setParameter("holder", transition.holderId())
                        .setParameter("state", state)
                        .setParameter("time", time(event))
                        .executeUpdate();
            }
            default -> {
                return;
            }
        }
        if (holderId == null) {
            throw new MalformedEventException(event.type() + " lacks holderId");
        }
        ensureRow(holderId);
        em.createNativeQuery("""
                        update holder_summary set enrolment_as_of = greatest(coalesce(enrolment_as_of, :time), :time)
                        where holder_id = :holder""")
                .setParameter("time", time(event))
                .setParameter("holder", holderId)
                .executeUpdate();
    }

    private void ensureRow(UUID holderId) {
        if (holderId == null) {
            throw new MalformedEventException("event lacks holderId");
        }
        em.createNativeQuery("insert into holder_summary (holder_id) values (:holder) on conflict do nothing")
                .setParameter("holder", holderId)
                .executeUpdate();
    }

    private static long cents(fr.cpa.platform.money.Money money) {
        return money == null ? 0L : money.amount();
    }

    private static Timestamp time(EventEnvelope event) {
        return Timestamp.from(event.time() == null ? Instant.now() : event.time());
    }
}
