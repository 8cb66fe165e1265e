package fr.cpa.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Only the gateway is reachable from outside; each service reaches only its own database and Kafka. */
class ExposureTest {

    @ParameterizedTest
    @ValueSource(strings = {Manifests.BASE, Manifests.DEV, Manifests.PROD})
    void onlyTheGatewayIsBehindAnIngressAndNoServiceIsExposedOtherwise(String dir) {
        Manifests m = Manifests.of(dir);
        List<ObjectNode> ingresses = m.ofKind("Ingress");
        assertEquals(1, ingresses.size(), dir);
        for (JsonNode rule : ingresses.get(0).path("spec").path("rules")) {
            for (JsonNode path : rule.path("http").path("paths")) {
                assertEquals("gateway", path.path("backend").path("service").path("name").asText());
            }
        }
        assertFalse(ingresses.get(0).path("spec").path("tls").isEmpty(), "the Ingress serves TLS");
        for (ObjectNode s : m.ofKind("Service")) {
            assertEquals("ClusterIP", s.path("spec").path("type").asText("ClusterIP"), Kustomize.name(s));
        }
        for (ObjectNode k : m.ofKind("Kafka")) {
            for (JsonNode l : k.path("spec").path("kafka").path("listeners")) {
                assertEquals("internal", l.path("type").asText(), "Kafka listener " + l.path("name").asText() + " is reachable from outside");
                String peers = l.path("networkPolicyPeers").toString();
                assertTrue(peers.contains("domain-service") && !peers.contains("gateway"), "Kafka peers: " + peers);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {Manifests.BASE, Manifests.DEV, Manifests.PROD})
    void everyPodOfTheSuiteIsClosedByDefault(String dir) {
        Manifests m = Manifests.of(dir);
        for (ObjectNode d : m.deployments()) {
            boolean closed = m.ofKind("NetworkPolicy").stream().anyMatch(np ->
                    Manifests.selects(np.path("spec").path("podSelector").path("matchLabels"), Manifests.podLabels(d))
                            && np.path("spec").path("policyTypes").toString().contains("Ingress")
                            && np.path("spec").path("policyTypes").toString().contains("Egress")
                            && np.path("spec").path("ingress").isMissingNode()
                            && np.path("spec").path("egress").isMissingNode());
            assertTrue(closed, dir + " " + Kustomize.name(d) + ": no default-deny policy selects it");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {Manifests.BASE, Manifests.DEV, Manifests.PROD})
    void onlyTheGatewayAcceptsTrafficFromOutsideItsPeers(String dir) {
        Manifests m = Manifests.of(dir);
        for (ObjectNode d : m.deployments()) {
            String name = Kustomize.name(d);
            for (JsonNode np : policiesOf(m, d)) {
                for (JsonNode rule : np.path("spec").path("ingress")) {
                    for (JsonNode peer : rule.path("from")) {
                        if (name.equals("gateway")) {
                            assertEquals("ingress-nginx", peer.path("namespaceSelector").path("matchLabels")
                                    .path("kubernetes.io/metadata.name").asText(), "gateway ingress peer " + peer);
                        } else {
                            assertTrue(peer.path("namespaceSelector").isMissingNode() && peer.path("ipBlock").isMissingNode(),
                                    name + ": accepts traffic from outside the namespace: " + peer);
                            assertEquals("gateway", peer.path("podSelector").path("matchLabels").path("app.kubernetes.io/name").asText(),
                                    name + ": accepts traffic from another pod than the gateway: " + peer);
                        }
                    }
                    assertFalse(rule.path("from").isMissingNode() || rule.path("from").isEmpty(), name + ": ingress from anywhere");
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {Manifests.BASE, Manifests.DEV, Manifests.PROD})
    void eachServiceReachesOnlyItsOwnDatabaseAndKafka(String dir) {
        Manifests m = Manifests.of(dir);
        for (ObjectNode d : m.deployments()) {
            String name = Kustomize.name(d);
            String ownCluster = m.environment(d).get("QUARKUS_DATASOURCE_JDBC_URL").replaceFirst("^jdbc:postgresql://([^:/]+)-rw.*$", "$1");
            for (JsonNode np : policiesOf(m, d)) {
                for (JsonNode rule : np.path("spec").path("egress")) {
                    assertFalse(rule.path("to").isMissingNode() || rule.path("to").isEmpty(), name + ": egress to anywhere");
                    for (JsonNode peer : rule.path("to")) {
                        JsonNode labels = peer.path("podSelector").path("matchLabels");
                        assertTrue(peer.path("ipBlock").isMissingNode(), name + ": egress to an address block " + peer);
                        if (labels.has("cnpg.io/cluster")) {
                            assertEquals(ownCluster, labels.path("cnpg.io/cluster").asText(), name + " reaches another service's database");
                        } else if (labels.has("strimzi.io/cluster")) {
                            assertTrue(Services.named(name).usesKafka(), name + " reaches Kafka without using it");
                        } else if (labels.has("app.kubernetes.io/name")) {
                            assertEquals("gateway", name, name + " calls another service: " + peer);
                        } else {
                            assertEquals("kube-dns", labels.path("k8s-app").asText(), name + ": unexpected egress " + peer);
                        }
                    }
                }
            }
            // The database's side: its own service only (plus its replicas and the operator).
            ObjectNode dbPolicy = m.get("NetworkPolicy", ownCluster);
            for (JsonNode rule : dbPolicy.path("spec").path("ingress")) {
                for (JsonNode peer : rule.path("from")) {
                    String app = peer.path("podSelector").path("matchLabels").path("app.kubernetes.io/name").asText(null);
                    if (app != null) {
                        assertEquals(name, app, ownCluster + " accepts another service");
                    }
                }
            }
        }
    }

    private static List<ObjectNode> policiesOf(Manifests m, JsonNode deployment) {
        return m.ofKind("NetworkPolicy").stream()
                .filter(np -> Manifests.selects(np.path("spec").path("podSelector").path("matchLabels"), Manifests.podLabels(deployment)))
                .toList();
    }
}
