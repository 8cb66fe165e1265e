package fr.cpa.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * dev: one small replica of everything; prod: ≥ 2 replicas spread over nodes, 3 Kafka brokers, database
 * standbys. A service's replica count is its HorizontalPodAutoscaler's (the Deployments leave it out).
 */
class OverlaysTest {

    @ParameterizedTest
    @ValueSource(strings = {Manifests.BASE, Manifests.DEV, Manifests.PROD})
    void theAutoscalerAloneSetsTheReplicaCount(String dir) {
        for (ObjectNode d : Manifests.of(dir).deployments()) {
            assertTrue(d.path("spec").path("replicas").isMissingNode(),
                    dir + " " + Kustomize.name(d) + ": replicas in the Deployment would reset the autoscaler's count at each apply");
        }
    }

    @Test
    void devRunsOneSmallReplicaOfEachService() {
        Manifests dev = Manifests.of(Manifests.DEV);
        for (ObjectNode d : dev.deployments()) {
            ObjectNode hpa = dev.get("HorizontalPodAutoscaler", Kustomize.name(d));
            assertEquals(1, hpa.path("spec").path("minReplicas").asInt(), Kustomize.name(d));
            assertEquals(1, hpa.path("spec").path("maxReplicas").asInt(), Kustomize.name(d));
            JsonNode limits = Manifests.podSpec(d).path("containers").get(0).path("resources").path("limits");
            assertTrue(Quantities.bytes(limits.path("memory").asText()) <= Quantities.bytes("512Mi"), Kustomize.name(d) + " memory");
        }
        for (ObjectNode pool : dev.ofKind("KafkaNodePool")) {
            assertEquals(1, pool.path("spec").path("replicas").asInt());
        }
        for (ObjectNode cluster : dev.ofKind("Cluster")) {
            assertEquals(1, cluster.path("spec").path("instances").asInt(), Kustomize.name(cluster));
        }
    }

    @Test
    void prodRunsAtLeastTwoReplicasOfEachServiceOnDifferentNodes() {
        Manifests prod = Manifests.of(Manifests.PROD);
        for (ObjectNode d : prod.deployments()) {
            String name = Kustomize.name(d);
            assertTrue(prod.get("HorizontalPodAutoscaler", name).path("spec").path("minReplicas").asInt() >= 2, name);
            boolean spread = false;
            JsonNode anti = Manifests.podSpec(d).path("affinity").path("podAntiAffinity");
            for (JsonNode term : anti.path("preferredDuringSchedulingIgnoredDuringExecution")) {
                spread |= isHostSpread(term.path("podAffinityTerm"), Manifests.podLabels(d));
            }
            for (JsonNode term : anti.path("requiredDuringSchedulingIgnoredDuringExecution")) {
                spread |= isHostSpread(term, Manifests.podLabels(d));
            }
            assertTrue(spread, name + ": no anti-affinity of its own pods across nodes");
        }
    }

    @Test
    void prodRunsThreeKafkaBrokersAndReplicatesEveryTopicThreeTimes() {
        Manifests prod = Manifests.of(Manifests.PROD);
        int brokers = 0;
        for (ObjectNode pool : prod.ofKind("KafkaNodePool")) {
            if (pool.path("spec").path("roles").toString().contains("\"broker\"")) {
                brokers += pool.path("spec").path("replicas").asInt();
                JsonNode anti = pool.path("spec").path("template").path("pod").path("affinity").path("podAntiAffinity");
                assertFalse(anti.isMissingNode(), Kustomize.name(pool) + ": brokers not spread over nodes");
            }
        }
        assertTrue(brokers >= 3, "brokers: " + brokers);
        JsonNode config = prod.get("Kafka", "cpa-kafka").path("spec").path("kafka").path("config");
        assertEquals(3, config.path("default.replication.factor").asInt());
        assertEquals(2, config.path("min.insync.replicas").asInt());
        assertEquals(3, config.path("offsets.topic.replication.factor").asInt());
        assertEquals(3, config.path("transaction.state.log.replication.factor").asInt());
        for (ObjectNode topic : prod.ofKind("KafkaTopic")) {
            int replicas = topic.path("spec").path("replicas").asInt(config.path("default.replication.factor").asInt());
            assertTrue(replicas >= 3 && replicas <= brokers, Kustomize.name(topic) + " replicas " + replicas);
        }
    }

    @Test
    void prodGivesEveryDatabaseAStandbyOnAnotherNode() {
        for (ObjectNode cluster : Manifests.of(Manifests.PROD).ofKind("Cluster")) {
            assertTrue(cluster.path("spec").path("instances").asInt() >= 2, Kustomize.name(cluster));
            assertTrue(cluster.path("spec").path("affinity").path("enablePodAntiAffinity").asBoolean(), Kustomize.name(cluster));
        }
    }

    @Test
    void devKafkaTopicsFitItsSingleBroker() {
        Manifests dev = Manifests.of(Manifests.DEV);
        JsonNode config = dev.get("Kafka", "cpa-kafka").path("spec").path("kafka").path("config");
        assertEquals(1, config.path("default.replication.factor").asInt());
        assertEquals(1, config.path("offsets.topic.replication.factor").asInt());
        for (ObjectNode topic : dev.ofKind("KafkaTopic")) {
            assertTrue(topic.path("spec").path("replicas").asInt(1) <= 1, Kustomize.name(topic));
        }
    }

    private static boolean isHostSpread(JsonNode term, JsonNode podLabels) {
        return term.path("topologyKey").asText().equals("kubernetes.io/hostname")
                && Manifests.selects(term.path("labelSelector").path("matchLabels"), podLabels);
    }
}
