package fr.cpa.platform.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Publishes the outbox to Kafka: pending rows in id order, each keyed by its holder, then marks them
 * sent. While Kafka is down it backs off (doubling up to {@link OutboxConfig#maxBackoff()}) and
 * nothing is lost: rows stay pending until the broker has acknowledged them.
 *
 * <p>Only one replica relays at a time (a PostgreSQL advisory lock), which keeps each holder's events
 * in order. A batch that fails part-way marks the acknowledged prefix sent and retries the rest, so a
 * row may be published twice after a crash between send and mark; consumers are idempotent for that.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Arbitrary constant naming the relay's advisory lock within each service's database. */
    private static final long RELAY_LOCK = 0x0C_BA_00_7B_0Bl;

    private final EntityManager em;
    private final OutboxConfig config;
    private final String bootstrapServers;
    private final AtomicLong backlog = new AtomicLong();
    private volatile Instant oldestPending;
    private volatile Producer<String, String> producer;
    private volatile Instant nextAttempt = Instant.MIN;
    private volatile int failures;
    private volatile boolean stopping;
    private final AtomicBoolean running = new AtomicBoolean();
    private final Executor executor;

    OutboxRelay(EntityManager em, OutboxConfig config, MeterRegistry registry, ManagedExecutor executor,
                @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.em = em;
        this.executor = executor;
        this.config = config;
        this.bootstrapServers = bootstrapServers;
        Gauge.builder("cpa.outbox.backlog", backlog, AtomicLong::get)
                .description("Events written to the outbox and not yet acknowledged by Kafka")
                .register(registry);
        Gauge.builder("cpa.outbox.oldest.pending.seconds", this, OutboxRelay::oldestPendingSeconds)
                .description("Age of the oldest event waiting in the outbox")
                .register(registry);
    }

    /**
     * Called by {@link Outbox} after a commit that wrote to it: publishes now rather than at the next
     * poll (the scheduler's finest period is one second). A relay already running picks it up.
     */
    void nudge() {
        if (!stopping && !running.get()) {
            executor.execute(this::relay);
        }
    }

    @Scheduled(every = "${cpa.outbox.poll-interval:1s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void relay() {
        if (stopping || Instant.now().isBefore(nextAttempt) || !running.compareAndSet(false, true)) {
            return;
        }
        try {
            int published;
            do {
                published = relayBatch();
            } while (published == config.batchSize());
            if (failures > 0) {
                LOG.infof("outbox relay: Kafka reachable again after %d failed attempts", failures);
            }
            failures = 0;
        } catch (RuntimeException e) {
            failures++;
            long waitMs = Math.min(config.maxBackoff().toMillis(),
                    config.initialBackoff().toMillis() << Math.min(failures - 1, 16));
            nextAttempt = Instant.now().plusMillis(waitMs);
            LOG.warnf("outbox relay: publishing failed (attempt %d), next try in %d ms: %s",
                    failures, waitMs, e.getMessage());
        } finally {
            running.set(false);
        }
    }

    /** Publishes up to one batch; returns how many rows were acknowledged and marked sent. */
    int relayBatch() {
        return QuarkusTransaction.requiringNew().timeout(120).call(() -> {
            Boolean locked = (Boolean) em.createNativeQuery("select pg_try_advisory_xact_lock(:lock)")
                    .setParameter("lock", RELAY_LOCK).getSingleResult();
            if (!locked) {
                return 0; // another replica is relaying
            }
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("""
                            select id, topic, record_key, payload from outbox_event
                            where sent_at is null order by id limit :limit""")
                    .setParameter("limit", config.batchSize())
                    .getResultList();
            if (rows.isEmpty()) {
                return 0;
            }
            List<Long> acknowledged = publish(rows);
            if (!acknowledged.isEmpty()) {
                em.createNativeQuery("update outbox_event set sent_at = now() where id in (:ids)")
                        .setParameter("ids", acknowledged)
                        .executeUpdate();
            }
            if (acknowledged.size() < rows.size()) {
                throw new IllegalStateException("Kafka acknowledged " + acknowledged.size() + " of "
                        + rows.size() + " events");
            }
            return acknowledged.size();
        });
    }

    /** Sends the rows in order and returns the ids of the acknowledged prefix. */
    private List<Long> publish(List<Object[]> rows) {
        Producer<String, String> kafka = producer();
        List<Future<RecordMetadata>> sends = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            try {
                sends.add(kafka.send(new ProducerRecord<>((String) row[1], (String) row[2], (String) row[3])));
            } catch (RuntimeException e) {
                break; // the broker is unreachable: keep what was sent before, retry the rest later
            }
        }
        List<Long> acknowledged = new ArrayList<>(sends.size());
        long deadline = System.nanoTime() + config.sendTimeout().toNanos();
        for (int i = 0; i < sends.size(); i++) {
            try {
                sends.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                acknowledged.add(((Number) rows.get(i)[0]).longValue());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (Exception e) {
                break;
            }
        }
        return acknowledged;
    }

    private Producer<String, String> producer() {
        if (producer == null) {
            synchronized (this) {
                if (producer == null) {
                    long timeoutMs = config.sendTimeout().toMillis();
                    int requestTimeoutMs = (int) Math.min(timeoutMs, 5000);
                    int lingerMs = 5;
                    // Kafka requires delivery.timeout >= linger + request.timeout
                    int deliveryTimeoutMs = (int) Math.max(timeoutMs, requestTimeoutMs + lingerMs);
                    producer = new KafkaProducer<>(Map.of(
                            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                            ProducerConfig.ACKS_CONFIG, "all",
                            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                            ProducerConfig.LINGER_MS_CONFIG, lingerMs,
                            ProducerConfig.MAX_BLOCK_MS_CONFIG, timeoutMs,
                            ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, requestTimeoutMs,
                            ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, deliveryTimeoutMs,
                            ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay"),
                            new StringSerializer(), new StringSerializer());
                }
            }
        }
        return producer;
    }

    /** Refreshes the backlog figures read by the metric and the readiness check. */
    @Scheduled(every = "${cpa.outbox.backlog-refresh:5s}", delayed = "1s")
    void refreshBacklog() {
        if (stopping) {
            return;
        }
        QuarkusTransaction.requiringNew().run(() -> {
            Object[] row = (Object[]) em.createNativeQuery(
                            "select count(*), min(created_at) from outbox_event where sent_at is null")
                    .getSingleResult();
            backlog.set(((Number) row[0]).longValue());
            oldestPending = row[1] == null ? null : toInstant(row[1]);
        });
    }

    @Scheduled(every = "1h", delayed = "1m")
    void purgeSent() {
        if (stopping) {
            return;
        }
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "delete from outbox_event where sent_at < :before")
                .setParameter("before", Instant.now().minus(config.keepSent()))
                .executeUpdate());
    }

    long backlog() {
        return backlog.get();
    }

    Instant oldestPending() {
        return oldestPending;
    }

    int consecutiveFailures() {
        return failures;
    }

    private double oldestPendingSeconds() {
        Instant oldest = oldestPending;
        return oldest == null ? 0 : Duration.between(oldest, Instant.now()).toMillis() / 1000.0;
    }

    private static Instant toInstant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof java.time.OffsetDateTime odt) {
            return odt.toInstant();
        }
        if (value instanceof java.sql.Timestamp ts) {
            return ts.toInstant();
        }
        return Instant.parse(value.toString());
    }

    void close(@Observes ShutdownEvent event) {
        stopping = true;
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }
}
