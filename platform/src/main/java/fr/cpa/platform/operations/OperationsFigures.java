package fr.cpa.platform.operations;

import java.time.Instant;
import java.util.List;

/**
 * The health of a service's plumbing, for operators: what waits in its outbox, what its consumers
 * put in dead-letter topics, and how far behind they are. No personal data.
 *
 * @param kafka {@code UP}, or {@code UNREACHABLE} when the broker did not answer in time (the Kafka
 *              figures are then empty: the outbox figures alone say whether writes pile up)
 */
public record OperationsFigures(String service, Instant asOf, long outboxBacklog, long oldestPendingSeconds,
                                String kafka, List<DeadLetters> deadLetters, List<ConsumerLag> consumerLag) {

    /** Records in one dead-letter topic (end offsets minus start offsets, over its partitions). */
    public record DeadLetters(String topic, long records) {
    }

    /** How many records of {@code topic} the consumer group has not committed yet. */
    public record ConsumerLag(String group, String topic, long lag) {
    }
}
