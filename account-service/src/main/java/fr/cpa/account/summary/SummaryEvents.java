package fr.cpa.account.summary;

import fr.cpa.platform.consumer.IdempotentConsumer;
import fr.cpa.platform.contract.C2pPointsAwarded;
import fr.cpa.platform.contract.C2pPointsConverted;
import fr.cpa.platform.contract.C2pPointsUsed;
import fr.cpa.platform.contract.CecCredited;
import fr.cpa.platform.contract.CpfBalances;
import fr.cpa.platform.contract.CpfCredited;
import fr.cpa.platform.contract.CpfMovement;
import fr.cpa.platform.contract.EnrolmentRequested;
import fr.cpa.platform.contract.FundsRefused;
import fr.cpa.platform.contract.FundsReserved;
import fr.cpa.platform.contract.FundsSettled;
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
 * movement, C2P awards and uses and CEC credits their totals after: the read model copies them, keeping the
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

    @Incoming("funding")
    @Blocking
    public void onFunding(ConsumerRecord<String, String> record) {
        consumer.consume("account.summary.funding", record, this::applyFunding);
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

    /** The C2P points on the account after the event, unless a later event has set them already. */
    private void c2pTotal(UUID holderId, int totalAfter, EventEnvelope event) {
        ensureRow(holderId);
        em.createNativeQuery("""
                        update holder_summary set c2p_total = :total, c2p_as_of = :time
                        where holder_id = :holder and (c2p_as_of is null or c2p_as_of <= :time)""")
                .setParameter("total", totalAfter)
                .setParameter("time", time(event))
                .setParameter("holder", holderId)
                .executeUpdate();
    }

    void applyC2p(EventEnvelope event) {
        switch (event.type()) {
            case C2pPointsAwarded.TYPE -> {
                C2pPointsAwarded awarded = json.data(event, C2pPointsAwarded.class);
                c2pTotal(awarded.holderId(), awarded.totalAfter(), event);
            }
            case C2pPointsUsed.TYPE -> {
                // Every use (part-time and retirement too, which send no conversion) with the points left:
                // copied like an award's total, under the same guard, so a late redelivery cannot undo it.
                C2pPointsUsed used = json.data(event, C2pPointsUsed.class);
                c2pTotal(used.holderId(), used.totalAfter(), event);
            }
            case C2pPointsConverted.TYPE -> {
                // Only what the reserve needs: points spent on training or reconversion consume it. The total
                // is C2pPointsUsed's, which every such use sends too; subtracting here as well would take the
                // points off twice. Nor does it move c2p_as_of, which would make the guard above drop the
                // C2pPointsUsed of the same use if its time were a hair earlier.
                C2pPointsConverted converted = json.data(event, C2pPointsConverted.class);
                ensureRow(converted.holderId());
                int forTraining = "TRAINING".equals(converted.use()) || "RECONVERSION".equals(converted.use())
                        ? converted.points() : 0;
                em.createNativeQuery("""
                                update holder_summary set c2p_used_training = c2p_used_training + :training
                                where holder_id = :holder""")
                        .setParameter("training", forTraining)
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
                                values (:id, :holder, :offer, 'REQUESTED', :start, :time)
                                on conflict (enrolment_id) do update set offer_id = excluded.offer_id,
                                start_date = excluded.start_date, state = coalesce(holder_enrolment.state, 'REQUESTED'),
                                updated_at = coalesce(holder_enrolment.updated_at, excluded.updated_at)""")
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
                                where holder_enrolment.updated_at is null or holder_enrolment.updated_at <= excluded.updated_at""")
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

    /**
     * The money of an enrolment (cpa.funding.v1): held by pot when reserved, what is left to the holder,
     * captured when the training starts; released or refused ends it. Funding may be heard before the
     * enrolment itself: the row is then created without a state, which the catalogue's event fills.
     */
    void applyFunding(EventEnvelope event) {
        UUID enrolmentId;
        UUID holderId;
        String state;
        long held = 0;
        long remainder = 0;
        long captured = 0;
        switch (event.type()) {
            case FundsReserved.TYPE -> {
                FundsReserved reserved = json.data(event, FundsReserved.class);
                enrolmentId = reserved.enrolmentId();
                holderId = reserved.holderId();
                state = "RESERVED";
                held = reserved.heldByPot() == null ? 0
                        : reserved.heldByPot().values().stream().mapToLong(SummaryEvents::cents).sum();
                remainder = cents(reserved.remainderDueByHolder());
            }
            case FundsRefused.TYPE -> {
                FundsRefused refused = json.data(event, FundsRefused.class);
                enrolmentId = refused.enrolmentId();
                holderId = refused.holderId();
                state = "REFUSED";
            }
            case FundsSettled.CAPTURED, FundsSettled.RELEASED -> {
                FundsSettled settled = json.data(event, FundsSettled.class);
                enrolmentId = settled.enrolmentId();
                holderId = settled.holderId();
                boolean capture = FundsSettled.CAPTURED.equals(event.type());
                state = capture ? "CAPTURED" : "RELEASED";
                captured = capture ? cents(settled.amount()) : 0;
            }
            default -> {
                return; // not part of the summary
            }
        }
        if (enrolmentId == null || holderId == null) {
            throw new MalformedEventException(event.type() + " lacks enrolmentId or holderId");
        }
        // a capture or a release ends the hold; the amounts reserved stay visible until then
        em.createNativeQuery("""
                        insert into holder_enrolment (enrolment_id, holder_id, funding_state, held, remainder_due, captured,
                        funding_as_of) values (:id, :holder, :state, :held, :remainder, :captured, :time)
                        on conflict (enrolment_id) do update set funding_state = excluded.funding_state,
                        held = case when excluded.funding_state = 'RESERVED' then excluded.held else 0 end,
                        remainder_due = case when excluded.funding_state = 'RESERVED' then excluded.remainder_due
                                             else holder_enrolment.remainder_due end,
                        captured = case when excluded.funding_state = 'CAPTURED' then excluded.captured
                                        else holder_enrolment.captured end,
                        funding_as_of = excluded.funding_as_of
                        where holder_enrolment.funding_as_of is null or holder_enrolment.funding_as_of <= excluded.funding_as_of""")
                .setParameter("id", enrolmentId)
                .setParameter("holder", holderId)
                .setParameter("state", state)
                .setParameter("held", held)
                .setParameter("remainder", remainder)
                .setParameter("captured", captured)
                .setParameter("time", time(event))
                .executeUpdate();
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
