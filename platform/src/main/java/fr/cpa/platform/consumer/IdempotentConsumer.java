package fr.cpa.platform.consumer;

import fr.cpa.platform.event.EventEnvelope;
import fr.cpa.platform.event.EventJson;
import fr.cpa.platform.event.MalformedEventException;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

import java.time.Duration;

/**
 * Applies each event once. Every consumer method of every service goes through here:
 *
 * <pre>{@code
 * @Incoming("holders") @Blocking
 * void onHolder(ConsumerRecord<String, String> record) {
 *     consumer.consume("training-rights.holders", record, this::apply);
 * }
 * }</pre>
 *
 * <p>The event id is recorded per consumer in {@code processed_event} in the same transaction as the
 * effect, so a redelivered event changes nothing and a failed effect leaves no mark. A handler that
 * keeps failing is retried {@code cpa.consumer.max-attempts} times, then the exception propagates and
 * the channel's {@code failure-strategy=dead-letter-queue} sends the record, with the error in its
 * headers, to {@code <topic>.dlq}: the partition moves on. A malformed event is not retried. A
 * failure of the infrastructure (database away, deadlock; see {@link TransientFailure}) is retried
 * until it passes and never dead-letters the event.
 */
@ApplicationScoped
public class IdempotentConsumer {

    private static final Logger LOG = Logger.getLogger(IdempotentConsumer.class);
    /** The longest wait between two tries while the infrastructure is away. */
    private static final long MAX_TRANSIENT_BACKOFF_MS = 5_000;

    /** Retry policy of {@link IdempotentConsumer} ({@code cpa.consumer.*}). */
    @ConfigMapping(prefix = "cpa.consumer")
    public interface Config {
        /** Tries of a failing handler before the event goes to the dead-letter topic. */
        @WithDefault("3")
        int maxAttempts();

        /** Wait before the second try; doubles after each. */
        @WithDefault("200ms")
        Duration retryBackoff();
    }

    private final EntityManager em;
    private final EventJson json;
    private final Config config;
    private final MeterRegistry registry;

    IdempotentConsumer(EntityManager em, EventJson json, Config config, MeterRegistry registry) {
        this.em = em;
        this.json = json;
        this.config = config;
        this.registry = registry;
    }

    /**
     * Parses the record's envelope and applies {@code handler} once for {@code consumer}.
     *
     * @return true if applied now, false if it had been applied before
     */
    public boolean consume(String consumer, ConsumerRecord<String, String> record, EventHandler handler) {
        EventEnvelope event;
        try {
            event = json.parse(record.value());
        } catch (MalformedEventException e) {
            count(consumer, "dead-lettered");
            LOG.errorf("%s: malformed record at %s-%d@%d sent to the dead-letter topic: %s",
                    consumer, record.topic(), record.partition(), record.offset(), e.getMessage());
            throw e;
        }
        long backoff = config.retryBackoff().toMillis();
        for (int attempt = 1; ; attempt++) {
            try {
                boolean applied = applyOnce(consumer, event, handler);
                count(consumer, applied ? "applied" : "duplicate");
                return applied;
            } catch (MalformedEventException e) {
                count(consumer, "dead-lettered");
                LOG.errorf("%s: event %s (%s) cannot be applied, sent to the dead-letter topic: %s",
                        consumer, event.id(), event.type(), e.getMessage());
                throw e;
            } catch (RuntimeException e) {
                if (TransientFailure.is(e)) {
                    // The database (or the network to it) is away: wait for it, however long, without
                    // using up the event's attempts. The record stays uncommitted, so even a rebalance
                    // during the wait only hands it to another replica.
                    LOG.warnf("%s: event %s (%s) waits for the infrastructure (%s), retrying in %d ms",
                            consumer, event.id(), event.type(), e.getMessage(), backoff);
                    sleep(backoff);
                    backoff = Math.min(backoff * 2, MAX_TRANSIENT_BACKOFF_MS);
                    attempt--;
                    continue;
                }
                if (attempt >= config.maxAttempts()) {
                    count(consumer, "dead-lettered");
                    LOG.errorf(e, "%s: event %s (%s) failed %d times, sent to the dead-letter topic",
                            consumer, event.id(), event.type(), attempt);
                    throw e;
                }
                LOG.warnf("%s: event %s (%s) failed (attempt %d), retrying: %s",
                        consumer, event.id(), event.type(), attempt, e.getMessage());
                sleep(backoff);
                backoff *= 2;
            }
        }
    }

    private boolean applyOnce(String consumer, EventEnvelope event, EventHandler handler) {
        return QuarkusTransaction.requiringNew().call(() -> {
            // A concurrent delivery of the same event waits here until the first commits, then skips.
            int inserted = em.createNativeQuery("""
                            insert into processed_event (consumer, event_id) values (:consumer, :id)
                            on conflict do nothing""")
                    .setParameter("consumer", consumer)
                    .setParameter("id", event.id())
                    .executeUpdate();
            if (inserted == 0) {
                return false;
            }
            handler.handle(event);
            return true;
        });
    }

    private void count(String consumer, String outcome) {
        registry.counter("cpa.consumer.events", "consumer", consumer, "outcome", outcome).increment();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying an event", e);
        }
    }
}
