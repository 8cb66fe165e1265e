package fr.cpa.catalogue.enrolment;

import fr.cpa.platform.consumer.IdempotentConsumer;
import fr.cpa.platform.contract.FundsRefused;
import fr.cpa.platform.contract.FundsReserved;
import fr.cpa.platform.contract.FundsSettled;
import fr.cpa.platform.event.EventEnvelope;
import fr.cpa.platform.event.EventJson;
import fr.cpa.platform.event.MalformedEventException;
import fr.cpa.platform.money.Money;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.UUID;

/**
 * The enrolment saga's answers from training-rights ({@code cpa.funding.v1}): FundsReserved sends the
 * request to the organisation, FundsRefused refuses it with the reason shown to the holder, and
 * FundsCaptured / FundsReleased are recorded. Each event applies once (by event id, here and in the
 * platform's consumer); an answer to an enrolment no longer waiting for it is recorded and ignored.
 */
@ApplicationScoped
public class FundingEvents {

    private final IdempotentConsumer consumer;
    private final EventJson json;
    private final EnrolmentService enrolments;

    FundingEvents(IdempotentConsumer consumer, EventJson json, EnrolmentService enrolments) {
        this.consumer = consumer;
        this.json = json;
        this.enrolments = enrolments;
    }

    @Incoming("funding")
    @Blocking
    public void onFundingEvent(ConsumerRecord<String, String> record) {
        consumer.consume("catalogue.funding", record, this::apply);
    }

    void apply(EventEnvelope event) {
        switch (event.type()) {
            case FundsReserved.TYPE -> {
                FundsReserved r = json.data(event, FundsReserved.class);
                Enrolment e = enrolment(event, r.enrolmentId());
                long held = r.heldByPot() == null ? 0 : r.heldByPot().values().stream().mapToLong(Money::amount).sum();
                enrolments.fundsReserved(event.id(), e, held, cents(r.remainderDueByHolder()), cents(r.coPayment()));
            }
            case FundsRefused.TYPE -> {
                FundsRefused r = json.data(event, FundsRefused.class);
                enrolments.fundsRefused(event.id(), enrolment(event, r.enrolmentId()), r.reason(), r.detail());
            }
            case FundsSettled.CAPTURED, FundsSettled.RELEASED -> {
                FundsSettled s = json.data(event, FundsSettled.class);
                enrolments.fundsSettled(event.id(), enrolment(event, s.enrolmentId()),
                        FundsSettled.CAPTURED.equals(event.type()), cents(s.amount()));
            }
            default -> { } // another type on the topic: not ours to act on
        }
    }

    private Enrolment enrolment(EventEnvelope event, UUID enrolmentId) {
        if (enrolmentId == null) {
            throw new MalformedEventException(event.type() + " without enrolmentId");
        }
        Enrolment e = enrolments.lock(enrolmentId);
        if (e == null) {
            throw new MalformedEventException(event.type() + " for an unknown enrolment " + enrolmentId);
        }
        return e;
    }

    private static long cents(Money m) {
        return m == null ? 0 : m.amount();
    }
}
