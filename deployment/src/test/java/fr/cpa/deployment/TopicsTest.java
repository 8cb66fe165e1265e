package fr.cpa.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.cpa.platform.contract.Topics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every topic of the contract (and its dead-letter twin) and every topic a service uses is declared, with partitions and retention. */
class TopicsTest {

    /** The contract's topics, read from fr.cpa.platform.contract.Topics, and their {@code .dlq}. */
    static Set<String> contractTopics() throws IllegalAccessException {
        Set<String> topics = new TreeSet<>();
        for (Field f : Topics.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                String topic = (String) f.get(null);
                topics.add(topic);
                topics.add(Topics.deadLetter(topic));
            }
        }
        assertTrue(topics.size() >= 16, "Topics lists " + topics);
        return topics;
    }

    static Set<String> usedTopics() throws IllegalAccessException {
        Set<String> topics = new TreeSet<>(contractTopics());
        Services.all().forEach(s -> topics.addAll(s.topics()));
        return topics;
    }

    @ParameterizedTest
    @ValueSource(strings = {Manifests.BASE, Manifests.DEV, Manifests.PROD})
    void everyTopicOfTheContractAndOfTheServicesIsAKafkaTopicOfTheCluster(String dir) throws Exception {
        Manifests m = Manifests.of(dir);
        String cluster = Kustomize.name(m.ofKind("Kafka").get(0));
        Map<String, ObjectNode> declared = m.ofKind("KafkaTopic").stream()
                .collect(Collectors.toMap(TopicsTest::topicName, t -> t));
        for (String topic : usedTopics()) {
            ObjectNode t = declared.get(topic);
            assertTrue(t != null, dir + ": no KafkaTopic for " + topic);
            assertEquals(cluster, t.path("metadata").path("labels").path("strimzi.io/cluster").asText(), topic);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {Manifests.BASE, Manifests.DEV, Manifests.PROD})
    void everyKafkaTopicHasPartitionsAndRetention(String dir) {
        for (ObjectNode t : Manifests.of(dir).ofKind("KafkaTopic")) {
            JsonNode spec = t.path("spec");
            assertTrue(spec.path("partitions").asInt() >= 1, topicName(t) + ": partitions");
            assertTrue(spec.path("config").path("retention.ms").asLong() > 0, topicName(t) + ": retention.ms");
            if (!topicName(t).endsWith(".dlq")) {
                assertTrue(spec.path("partitions").asInt() > 1, topicName(t) + ": one partition cannot spread its holders' events over consumers");
            }
        }
    }

    @Test
    void theServicesConsumeTopicsTheContractNames() throws Exception {
        Set<String> contract = contractTopics();
        for (Services.Service s : Services.all()) {
            for (String topic : s.topics()) {
                assertTrue(contract.contains(topic), s.module() + " uses " + topic + ", which fr.cpa.platform.contract.Topics does not list");
            }
        }
        assertFalse(Services.named("training-rights-service").topics().isEmpty());
    }

    @Test
    void composeCreatesTheSameTopicsWithPartitionsAndRetention() throws Exception {
        String command = ComposeFile.read().service("kafka-topics").path("command").toString();
        Matcher loop = Pattern.compile("for topic in ([^;]+);").matcher(command);
        assertTrue(loop.find(), "kafka-topics: no topic loop in " + command);
        Set<String> created = new TreeSet<>();
        for (String topic : loop.group(1).trim().split("\\s+")) {
            created.add(topic);
            created.add(Topics.deadLetter(topic));
        }
        assertTrue(command.contains("\\\"$$topic.dlq\\\"") || command.contains("$$topic.dlq"), "dead-letter topics not created");
        assertTrue(created.containsAll(usedTopics()), "compose creates " + created + ", the services use " + usedTopics());
        assertTrue(command.contains("--partitions") && command.contains("retention.ms"), command);
    }

    static String topicName(JsonNode kafkaTopic) {
        return kafkaTopic.path("spec").path("topicName").asText(Kustomize.name(kafkaTopic));
    }
}
