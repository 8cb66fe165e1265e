package fr.cpa.platform.operations;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Dead-letter sizes and consumer lag of this service, read with Kafka's admin client. The topics are
 * the service's own incoming channels ({@code mp.messaging.incoming.*.topic}) and their
 * {@code dead-letter-queue.topic}s, so a new channel is covered without code.
 */
@ApplicationScoped
class KafkaFigures {

    private static final String INCOMING = "mp.messaging.incoming.";
    private static final long TIMEOUT_MS = 3_000;

    private final String bootstrapServers;
    private final String group;
    private final Config config;
    private volatile Admin admin;

    KafkaFigures(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                 @ConfigProperty(name = "mp.messaging.connector.smallrye-kafka.group.id") String group, Config config) {
        this.bootstrapServers = bootstrapServers;
        this.group = group;
        this.config = config;
    }

    /** The incoming topics of this service, and the dead-letter topic of each. */
    Map<String, String> deadLetterTopicByTopic() {
        Map<String, String> channels = new HashMap<>();
        for (String name : config.getPropertyNames()) {
            if (name.startsWith(INCOMING) && name.endsWith(".topic") && !name.endsWith(".dead-letter-queue.topic")) {
                String channel = name.substring(INCOMING.length(), name.length() - ".topic".length());
                String topic = config.getValue(name, String.class);
                String dlq = config.getOptionalValue(INCOMING + channel + ".dead-letter-queue.topic", String.class)
                        .orElse(topic + ".dlq");
                channels.put(topic, dlq);
            }
        }
        return channels;
    }

    record Figures(List<OperationsFigures.DeadLetters> deadLetters, List<OperationsFigures.ConsumerLag> lag) {
    }

    /** Throws when the broker does not answer within a few seconds. */
    Figures read() throws InterruptedException, ExecutionException, TimeoutException {
        Map<String, String> dlqByTopic = deadLetterTopicByTopic();
        if (dlqByTopic.isEmpty()) {
            return new Figures(List.of(), List.of());
        }
        Admin kafka = admin();
        TreeSet<String> wanted = new TreeSet<>(dlqByTopic.keySet());
        wanted.addAll(dlqByTopic.values());
        Collection<String> existing = kafka.listTopics().names().get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
        wanted.retainAll(existing);
        Map<String, TopicDescription> descriptions = kafka.describeTopics(wanted).allTopicNames()
                .get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
        List<TopicPartition> partitions = descriptions.values().stream()
                .flatMap(d -> d.partitions().stream().map(p -> new TopicPartition(d.name(), p.partition())))
                .toList();
        Map<TopicPartition, Long> ends = offsets(kafka, partitions, OffsetSpec.latest());
        Map<TopicPartition, Long> starts = offsets(kafka, partitions, OffsetSpec.earliest());
        Map<TopicPartition, OffsetAndMetadata> committed = kafka.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get(TIMEOUT_MS, TimeUnit.MILLISECONDS);

        List<OperationsFigures.DeadLetters> deadLetters = new ArrayList<>();
        List<OperationsFigures.ConsumerLag> lag = new ArrayList<>();
        for (String topic : new TreeSet<>(dlqByTopic.keySet())) {
            String dlq = dlqByTopic.get(topic);
            deadLetters.add(new OperationsFigures.DeadLetters(dlq, sum(partitions, dlq, p -> ends.get(p) - starts.get(p))));
            lag.add(new OperationsFigures.ConsumerLag(group, topic, sum(partitions, topic, p -> {
                OffsetAndMetadata done = committed.get(p);
                // Never committed: everything still in the partition is ahead of the group.
                return ends.get(p) - (done == null ? starts.get(p) : done.offset());
            })));
        }
        return new Figures(deadLetters, lag);
    }

    private static long sum(List<TopicPartition> partitions, String topic, Function<TopicPartition, Long> value) {
        return partitions.stream().filter(p -> p.topic().equals(topic)).mapToLong(p -> Math.max(0, value.apply(p))).sum();
    }

    private static Map<TopicPartition, Long> offsets(Admin kafka, List<TopicPartition> partitions, OffsetSpec spec)
            throws InterruptedException, ExecutionException, TimeoutException {
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> result = kafka
                .listOffsets(partitions.stream().collect(Collectors.toMap(Function.identity(), p -> spec)))
                .all().get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
        return result.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    private Admin admin() {
        if (admin == null) {
            synchronized (this) {
                if (admin == null) {
                    Properties properties = new Properties();
                    properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
                    properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT_MS);
                    properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT_MS);
                    properties.put(AdminClientConfig.CLIENT_ID_CONFIG, group + "-operations");
                    admin = Admin.create(properties);
                }
            }
        }
        return admin;
    }

    @PreDestroy
    void close() {
        if (admin != null) {
            admin.close();
        }
    }
}
