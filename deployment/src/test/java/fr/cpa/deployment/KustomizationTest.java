package fr.cpa.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Every kustomization under k8s/ builds, each object is well formed, and the Java build equals kubectl's. */
class KustomizationTest {

    static List<Path> kustomizations() throws IOException {
        try (Stream<Path> files = Files.walk(Repo.path("k8s"))) {
            return files.filter(f -> f.getFileName().toString().equals("kustomization.yaml")).map(Path::getParent).sorted().toList();
        }
    }

    @Test
    void theBaseAndBothOverlaysExist() throws IOException {
        List<Path> dirs = kustomizations();
        for (String dir : List.of(Manifests.BASE, Manifests.DEV, Manifests.PROD)) {
            assertTrue(dirs.contains(Repo.path(dir)), dir + " has no kustomization.yaml");
        }
    }

    @Test
    void everyKustomizationBuildsIntoWellFormedUniqueObjects() throws IOException {
        for (Path dir : kustomizations()) {
            List<ObjectNode> objects = Kustomize.build(dir);
            assertFalse(objects.isEmpty(), dir + " builds nothing");
            Set<String> seen = new HashSet<>();
            for (ObjectNode o : objects) {
                String id = o.path("apiVersion").asText() + " " + Kustomize.kind(o) + " " + Kustomize.name(o);
                assertFalse(o.path("apiVersion").asText().isBlank() || Kustomize.kind(o).isBlank() || Kustomize.name(o).isBlank(),
                        dir + ": object without apiVersion, kind or name: " + o);
                assertTrue(o.path("metadata").path("name").asText().matches("[a-z0-9]([-a-z0-9.]*[a-z0-9])?"),
                        dir + ": invalid name " + id);
                assertTrue(seen.add(Kustomize.kind(o) + "/" + Kustomize.name(o)), dir + ": " + id + " twice");
            }
        }
    }

    @Test
    void theJavaBuilderRefusesWhatItDoesNotUnderstand() throws IOException {
        Path dir = Files.createTempDirectory("kustomize");
        Files.writeString(dir.resolve("kustomization.yaml"), "resources: []\ncommonLabels: {a: b}\n");
        assertThrows(IllegalArgumentException.class, () -> Kustomize.build(dir));
        Files.writeString(dir.resolve("kustomization.yaml"), "resources: [missing.yaml]\n");
        assertThrows(IllegalArgumentException.class, () -> Kustomize.build(dir));
    }

    @Test
    void aStrategicPatchMergesContainersByNameAndReplacesOtherLists() throws IOException {
        ObjectNode target = (ObjectNode) Repo.YAML.readTree("""
                spec: {replicas: 1, args: [a, b], containers: [{name: x, image: i, env: [{name: A, value: "1"}]}]}
                """);
        ObjectNode patch = (ObjectNode) Repo.YAML.readTree("""
                spec: {replicas: 2, args: [c], containers: [{name: x, env: [{name: B, value: "2"}]}]}
                """);
        Kustomize.merge(target, patch, true);
        assertEquals(Repo.YAML.readTree("""
                spec: {replicas: 2, args: [c], containers: [{name: x, image: i, env: [{name: A, value: "1"}, {name: B, value: "2"}]}]}
                """), target);
    }

    /** kubectl is not needed in CI; where it is installed, its kustomize is the reference. */
    @ParameterizedTest
    @ValueSource(strings = {Manifests.BASE, Manifests.DEV, Manifests.PROD})
    void theJavaBuildEqualsKubectlKustomize(String dir) throws Exception {
        assumeTrue(kubectlPresent(), "kubectl not installed: the Java build alone is checked");
        Process p = new ProcessBuilder("kubectl", "kustomize", Repo.path(dir).toString()).redirectErrorStream(false).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), "kubectl kustomize " + dir + ": " + err);
        Path file = Files.createTempFile("kustomize", ".yaml");
        Files.writeString(file, out);
        Map<String, JsonNode> kubectl = byId(Repo.documents(file));
        Map<String, JsonNode> java = byId(Manifests.of(dir).objects());
        assertEquals(kubectl.keySet(), java.keySet(), dir + ": not the same objects");
        for (String id : kubectl.keySet()) {
            assertEquals(kubectl.get(id), java.get(id), dir + ": " + id + " differs between kubectl and the Java build");
        }
    }

    private static Map<String, JsonNode> byId(List<ObjectNode> objects) {
        Map<String, JsonNode> map = new HashMap<>();
        objects.forEach(o -> map.put(Kustomize.kind(o) + "/" + Kustomize.name(o), o));
        return map;
    }

    private static boolean kubectlPresent() {
        try {
            Process p = new ProcessBuilder("kubectl", "version", "--client").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
