package fr.cpa.deployment;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The built-in objects bind to the Kubernetes API's types (fabric8 kubernetes-model), and Strimzi's to
 * Strimzi's model, with no field left over: a misspelt field (readOnlyRootFileSystem, livenesProbe…) is
 * one Kubernetes would drop or the operator refuse.
 */
class SchemaTest {

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private static final Map<String, Class<?>> TYPES = Map.of(
            "v1/ConfigMap", ConfigMap.class,
            "v1/Service", Service.class,
            "apps/v1/Deployment", Deployment.class,
            "autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class,
            "policy/v1/PodDisruptionBudget", PodDisruptionBudget.class,
            "networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class,
            "networking.k8s.io/v1/Ingress", Ingress.class,
            // Strimzi's resources, in its own Java model (io.strimzi:api)
            "kafka.strimzi.io/v1/Kafka", Kafka.class,
            "kafka.strimzi.io/v1/KafkaNodePool", KafkaNodePool.class,
            "kafka.strimzi.io/v1/KafkaTopic", KafkaTopic.class);

    /** CloudNativePG publishes no Java model: its Clusters are checked by the other tests only. */
    private static final List<String> UNMODELLED_GROUPS = List.of("postgresql.cnpg.io/");

    @ParameterizedTest
    @ValueSource(strings = {Manifests.BASE, Manifests.DEV, Manifests.PROD})
    void everyKubernetesAndStrimziObjectBindsToItsTypeWithNoUnknownField(String dir) throws Exception {
        for (ObjectNode o : Manifests.of(dir).objects()) {
            String type = o.path("apiVersion").asText() + "/" + Kustomize.kind(o);
            if (UNMODELLED_GROUPS.stream().anyMatch(type::startsWith)) {
                continue;
            }
            Class<?> cls = TYPES.get(type);
            assertTrue(cls != null, dir + ": " + type + " is not a type this test knows");
            Object bound = JSON.treeToValue(o, cls);
            List<String> unknown = new ArrayList<>();
            leftovers(bound, type + " " + Kustomize.name(o), unknown, new IdentityHashMap<>());
            assertEquals(List.of(), unknown, dir + ": unknown fields");
        }
    }

    @Test
    void aMisspeltStrimziFieldIsCaught() throws Exception {
        ObjectNode topic = (ObjectNode) Repo.YAML.readTree("""
                apiVersion: kafka.strimzi.io/v1
                kind: KafkaTopic
                metadata: {name: x}
                spec: {partition: 6}
                """);
        List<String> unknown = new ArrayList<>();
        leftovers(JSON.treeToValue(topic, KafkaTopic.class), "x", unknown, new IdentityHashMap<>());
        assertTrue(unknown.toString().contains("partition"), unknown.toString());
    }

    @Test
    void aMisspeltFieldIsCaught() throws Exception {
        ObjectNode deployment = (ObjectNode) Repo.YAML.readTree("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: x}
                spec:
                  template:
                    spec:
                      containers:
                        - name: x
                          securityContext: {readOnlyRootFileSystem: true}
                """);
        List<String> unknown = new ArrayList<>();
        leftovers(JSON.treeToValue(deployment, Deployment.class), "x", unknown, new IdentityHashMap<>());
        assertFalse(unknown.isEmpty());
        assertTrue(unknown.get(0).contains("readOnlyRootFileSystem"), unknown.toString());
    }

    /** Walks the bound object: every fabric8 and Strimzi type keeps unknown fields in getAdditionalProperties(). */
    private static void leftovers(Object value, String path, List<String> unknown, Map<Object, Boolean> seen) throws Exception {
        if (value == null || seen.put(value, Boolean.TRUE) != null) {
            return;
        }
        if (value instanceof Collection<?> c) {
            int i = 0;
            for (Object item : c) {
                leftovers(item, path + "[" + i++ + "]", unknown, seen);
            }
            return;
        }
        if (value instanceof Map<?, ?> m) {
            for (var e : m.entrySet()) {
                leftovers(e.getValue(), path + "." + e.getKey(), unknown, seen);
            }
            return;
        }
        if (!value.getClass().getName().startsWith("io.fabric8.") && !value.getClass().getName().startsWith("io.strimzi.")) {
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || !getter.getName().startsWith("get") || getter.getDeclaringClass() == Object.class) {
                continue;
            }
            Object field = getter.invoke(value);
            if (getter.getName().equals("getAdditionalProperties")) {
                if (field instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    unknown.add(path + " " + extra.keySet());
                }
            } else {
                leftovers(field, path + "." + getter.getName().substring(3), unknown, seen);
            }
        }
    }
}
