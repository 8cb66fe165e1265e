package fr.cpa.platform.outbox;

import fr.cpa.platform.event.EventEnvelope;
import fr.cpa.platform.event.EventJson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import jakarta.persistence.EntityManager;
import org.hibernate.Session;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
    private final EntityManager em;

    Outbox(EventJson json, @ConfigProperty(name = "quarkus.application.name") String source,
           TransactionSynchronizationRegistry transactions, OutboxRelay relay, EntityManager em) {
        this.json = json;
        this.source = source;
        this.transactions = transactions;
        this.relay = relay;
        this.em = em;
    }

    /** One event to store with {@link #publishAll}: as the arguments of {@link #publish}. */
    public record Message(String topic, String type, UUID subject, Object data) {
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

    /**
     * Stores many events at once, in the order given, in the current transaction: the bulk form of
     * {@link #publish} for writes that emit thousands of events (a payroll declaration emits one per
     * employee). One {@code COPY} instead of one {@code INSERT} round trip per event; the rows are the
     * same, so the relay cannot tell them apart.
     *
     * @return the event ids, in the order of {@code messages}
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<UUID> publishAll(List<Message> messages) {
        List<UUID> ids = new ArrayList<>(messages.size());
        if (messages.isEmpty()) {
            return ids;
        }
        Instant now = Instant.now();
        em.unwrap(Session.class).doWork(connection -> {
            CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(
                    "copy outbox_event (event_id, topic, record_key, event_type, payload, created_at) from stdin");
            try {
                StringBuilder line = new StringBuilder(1024);
                for (Message message : messages) {
                    UUID eventId = UUID.randomUUID();
                    String key = message.subject().toString();
                    EventEnvelope envelope = EventEnvelope.of(eventId, message.type(), source, now, key,
                            json.mapper().valueToTree(message.data()));
                    line.setLength(0);
                    line.append(eventId).append('\t');
                    copyText(line, message.topic()).append('\t');
                    copyText(line, key).append('\t');
                    copyText(line, message.type()).append('\t');
                    copyText(line, json.write(envelope)).append('\t');
                    line.append(now).append('\n');
                    byte[] bytes = line.toString().getBytes(StandardCharsets.UTF_8);
                    copy.writeToCopy(bytes, 0, bytes.length);
                    ids.add(eventId);
                }
                copy.endCopy();
            } finally {
                if (copy.isActive()) {
                    copy.cancelCopy(); // a failure part-way: the transaction rolls back anyway
                }
            }
        });
        nudgeRelayAfterCommit();
        return ids;
    }

    /**
     * Escapes a value for COPY's text format: backslash, and the characters that end a field or a row.
     * Public for the services' own bulk writers (a ledger batch), so that the escaping is written once.
     */
    public static StringBuilder copyText(StringBuilder out, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(c);
            }
        }
        return out;
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
