package fr.cpa.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Each Deployment, in the base and in both overlays: probes, resources, non-root, rolling updates, companions. */
class DeploymentsTest {

    /** Secrets made by people (deployment/README.md, "Secrets"); the databases' come from CloudNativePG. */
    static final Set<String> OPERATOR_SECRETS = Set.of("cpa-jwt", "account-service-nir");

    @ParameterizedTest
    @ValueSource(strings = {Manifests.BASE, Manifests.DEV, Manifests.PROD})
    void everyServiceOfTheSuiteHasOneDeployment(String dir) {
        Set<String> names = Manifests.of(dir).deployments().stream().map(Kustomize::name).collect(Collectors.toSet());
        assertEquals(Set.copyOf(Services.MODULES), names, dir);
    }

    @ParameterizedTest
    @ValueSource(strings = {Manifests.BASE, Manifests.DEV, Manifests.PROD})
    void everyDeploymentProbesLivenessAndReadinessOnQuarkusHealth(String dir) {
        for (ObjectNode d : Manifests.of(dir).deployments()) {
            for (JsonNode c : Manifests.podSpec(d).path("containers")) {
                String where = dir + " " + Kustomize.name(d) + "/" + c.path("name").asText();
                assertEquals("/q/health/live", c.path("livenessProbe").path("httpGet").path("path").asText(), where + " liveness");
                assertEquals("/q/health/ready", c.path("readinessProbe").path("httpGet").path("path").asText(), where + " readiness");
                for (String probe : List.of("livenessProbe", "readinessProbe", "startupProbe")) {
                    JsonNode port = c.path(probe).path("httpGet").path("port");
                    if (!port.isMissingNode()) {
                        assertTrue(hasPort(c, port), where + " " + probe + " targets port " + port + " that the container does not declare");
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {Manifests.BASE, Manifests.DEV, Manifests.PROD})
    void everyContainerHasCpuAndMemoryRequestsAndLimits(String dir) {
        for (ObjectNode d : Manifests.of(dir).deployments()) {
            for (JsonNode c : Manifests.podSpec(d).path("containers")) {
                for (String bound : List.of("requests", "limits")) {
                    for (String resource : List.of("cpu", "memory")) {
                        assertFalse(c.path("resources").path(bound).path(resource).asText().isBlank(),
                                dir + " " + Kustomize.name(d) + ": no " + bound + "." + resource);
                    }
                }
                assertTrue(Quantities.bytes(c.path("resources").path("requests").path("memory").asText())
                                <= Quantities.bytes(c.path("resources").path("limits").path("memory").asText()),
                        dir + " " + Kustomize.name(d) + ": memory request above the limit");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {Manifests.BASE, Manifests.DEV, Manifests.PROD})
    void everyPodRunsAsNonRootWithoutPrivileges(String dir) {
        for (ObjectNode d : Manifests.of(dir).deployments()) {
            String where = dir + " " + Kustomize.name(d);
            JsonNode pod = Manifests.podSpec(d).path("securityContext");
            assertTrue(pod.path("runAsNonRoot").asBoolean(false), where + ": runAsNonRoot");
            assertTrue(pod.path("runAsUser").asInt(0) > 0, where + ": runAsUser must be a non-zero UID");
            assertEquals("RuntimeDefault", pod.path("seccompProfile").path("type").asText(), where + ": seccomp");
            for (JsonNode c : Manifests.podSpec(d).path("containers")) {
                JsonNode sc = c.path("securityContext");
                assertFalse(sc.path("allowPrivilegeEscalation").asBoolean(true), where + ": allowPrivilegeEscalation");
                assertFalse(sc.path("privileged").asBoolean(false), where + ": privileged");
                assertTrue(sc.path("readOnlyRootFilesystem").asBoolean(false), where + ": readOnlyRootFilesystem");
                assertTrue(sc.path("capabilities").path("drop").toString().contains("\"ALL\""), where + ": capabilities not dropped");
                if (sc.has("runAsUser")) {
                    assertTrue(sc.path("runAsUser").asInt() > 0, where + ": container runAsUser 0");
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {Manifests.BASE, Manifests.DEV, Manifests.PROD})
    void everyDeploymentRollsWithoutDroppingBelowItsReplicas(String dir) {
        for (ObjectNode d : Manifests.of(dir).deployments()) {
            JsonNode strategy = d.path("spec").path("strategy");
            assertEquals("RollingUpdate", strategy.path("type").asText(), dir + " " + Kustomize.name(d));
            assertEquals(0, strategy.path("rollingUpdate").path("maxUnavailable").asInt(-1), dir + " " + Kustomize.name(d));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {Manifests.BASE, Manifests.DEV, Manifests.PROD})
    void everyDeploymentHasItsServiceConfigMapAutoscalerDisruptionBudgetAndNetworkPolicy(String dir) {
        Manifests m = Manifests.of(dir);
        for (ObjectNode d : m.deployments()) {
            String name = Kustomize.name(d);
            JsonNode labels = Manifests.podLabels(d);
            assertTrue(Manifests.selects(d.path("spec").path("selector").path("matchLabels"), labels), name + ": selector");

            ObjectNode service = m.get("Service", name);
            assertTrue(Manifests.selects(service.path("spec").path("selector"), labels), name + ": Service selector");
            JsonNode container = Manifests.podSpec(d).path("containers").get(0);
            for (JsonNode port : service.path("spec").path("ports")) {
                assertTrue(hasPort(container, port.path("targetPort")), name + ": Service targets an undeclared port " + port);
            }
            String type = service.path("spec").path("type").asText("ClusterIP");
            assertEquals("ClusterIP", type, name + ": only the Ingress exposes anything");

            m.get("ConfigMap", name + "-config");
            assertTrue(container.path("envFrom").toString().contains(name + "-config"), name + ": ConfigMap not used");

            ObjectNode hpa = m.get("HorizontalPodAutoscaler", name);
            assertEquals("Deployment", hpa.path("spec").path("scaleTargetRef").path("kind").asText());
            assertEquals(name, hpa.path("spec").path("scaleTargetRef").path("name").asText());
            assertTrue(hpa.path("spec").path("minReplicas").asInt() <= hpa.path("spec").path("maxReplicas").asInt(), name + ": HPA bounds");
            assertFalse(hpa.path("spec").path("metrics").isEmpty(), name + ": HPA without metrics");

            ObjectNode pdb = m.get("PodDisruptionBudget", name);
            assertTrue(Manifests.selects(pdb.path("spec").path("selector").path("matchLabels"), labels), name + ": PDB selector");

            assertTrue(m.ofKind("NetworkPolicy").stream().anyMatch(np -> Kustomize.name(np).equals(name)
                            && Manifests.selects(np.path("spec").path("podSelector").path("matchLabels"), labels)),
                    name + ": no NetworkPolicy of its own");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {Manifests.BASE, Manifests.DEV, Manifests.PROD})
    void secretsAreReferencedNeverCommitted(String dir) {
        Manifests m = Manifests.of(dir);
        assertTrue(m.ofKind("Secret").isEmpty(), dir + ": a Secret is committed");
        Set<String> databaseSecrets = m.ofKind("Cluster").stream().map(c -> Kustomize.name(c) + "-app").collect(Collectors.toSet());
        for (ObjectNode d : m.deployments()) {
            for (String secret : Manifests.secretNames(d)) {
                if (!databaseSecrets.contains(secret) && !OPERATOR_SECRETS.contains(secret)) {
                    fail(dir + " " + Kustomize.name(d) + ": Secret " + secret + " is neither a database's nor documented");
                }
            }
        }
    }

    /** Every file the configuration points at (JWT keys) is mounted from a Secret. */
    @ParameterizedTest
    @ValueSource(strings = {Manifests.BASE, Manifests.DEV, Manifests.PROD})
    void everyConfiguredFileIsMounted(String dir) {
        Manifests m = Manifests.of(dir);
        for (ObjectNode d : m.deployments()) {
            JsonNode container = Manifests.podSpec(d).path("containers").get(0);
            m.environment(d).forEach((env, value) -> {
                if (env.endsWith("_LOCATION") && value.startsWith("/")) {
                    boolean mounted = false;
                    for (JsonNode mount : container.path("volumeMounts")) {
                        String path = mount.path("mountPath").asText();
                        if (value.startsWith(path + "/")) {
                            String file = value.substring(path.length() + 1);
                            JsonNode volume = volume(d, mount.path("name").asText());
                            mounted = volume.path("secret").path("items").toString().contains("\"path\":\"" + file + "\"");
                        }
                    }
                    assertTrue(mounted, dir + " " + Kustomize.name(d) + ": " + env + "=" + value + " is not mounted from a Secret");
                }
            });
        }
    }

    private static JsonNode volume(JsonNode deployment, String name) {
        for (JsonNode v : Manifests.podSpec(deployment).path("volumes")) {
            if (v.path("name").asText().equals(name)) {
                return v;
            }
        }
        throw new AssertionError(Kustomize.name(deployment) + ": no volume " + name);
    }

    static boolean hasPort(JsonNode container, JsonNode port) {
        for (JsonNode p : container.path("ports")) {
            if (port.isInt() ? p.path("containerPort").asInt() == port.asInt() : p.path("name").asText().equals(port.asText())) {
                return true;
            }
        }
        return false;
    }
}
