package fr.cpa.platform.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Tuning of the outbox relay ({@code cpa.outbox.*}). */
@ConfigMapping(prefix = "cpa.outbox")
public interface OutboxConfig {

    /** Rows published per database round trip. */
    @WithDefault("500")
    int batchSize();

    /** First wait after Kafka refused a batch; doubles on each failure. */
    @WithDefault("250ms")
    Duration initialBackoff();

    /** Longest wait between two attempts while Kafka is down. */
    @WithDefault("30s")
    Duration maxBackoff();

    /** How long a send may wait for the broker before the batch counts as failed. */
    @WithDefault("10s")
    Duration sendTimeout();

    /** Sent rows are kept this long (to look into), then purged. */
    @WithDefault("P2D")
    Duration keepSent();

    /** Readiness turns DOWN when more events than this wait: the broker has been gone far too long. */
    @WithDefault("1000000")
    long maxBacklog();
}
