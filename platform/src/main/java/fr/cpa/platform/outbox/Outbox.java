package fr.cpa.platform.outbox;

import fr.cpa.platform.event.EventEnvelope;
import fr.cpa.platform.event.EventJson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;
import java.util.UUID;

/**
 * The one way a service emits an event: {@code outbox.publish(...)} inside the transaction that
 * changes the state. The event is stored with the change and published later by {@link OutboxRelay},
 * so a crash or a Kafka outage never loses it and never publishes an event whose change rolled back.
 */
@ApplicationScoped
public class Outbox {

    private final EventJson json;
    private final String source;
    private static final String NUDGE_REGISTERED = Outbox.class.getName() + ".nudge";

    private final TransactionSynchronizationRegistry transactions;
    private final OutboxRelay relay;

    Outbox(EventJson json, @ConfigProperty(name = "quarkus.application.name") String source,
           TransactionSynchronizationRegistry transactions, OutboxRelay relay) {
        this.json = json;
        this.source = source;
        this.transactions = transactions;
        this.relay = relay;
    }

    /**
     * Stores an event for {@code topic}, keyed by {@code subject} (the holder id).
     *
     * @return the event id
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID publish(String topic, String type, UUID subject, Object data) {
        UUID eventId = UUID.randomUUID();
        Instant now = Instant.now();
        EventEnvelope envelope = EventEnvelope.of(eventId, type, source, now, subject.toString(),
                json.mapper().valueToTree(data));
        OutboxEvent row = new OutboxEvent();
        row.eventId = eventId;
        row.topic = topic;
        row.recordKey = subject.toString();
        row.eventType = type;
        row.payload = json.write(envelope);
        row.createdAt = now;
        row.persist();
        nudgeRelayAfterCommit();
        return eventId;
    }

    /** Once per transaction: after the commit, the relay publishes at once instead of at its next poll. */
    private void nudgeRelayAfterCommit() {
        if (transactions.getResource(NUDGE_REGISTERED) != null) {
            return;
        }
        transactions.putResource(NUDGE_REGISTERED, Boolean.TRUE);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    relay.nudge();
                }
            }
        });
    }
}
