package fr.cpa.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The subset of kustomize that k8s/ uses, in Java, so that CI needs no kubectl: {@code resources}
 * (files and directories), {@code namespace}, {@code images} (newName/newTag) and {@code patches}
 * given by {@code path} (strategic merge, matched by kind and name, several per file). Anything else
 * in a kustomization is refused, so the manifests cannot silently outgrow this builder. When kubectl
 * is present, {@link KustomizationTest} checks that this builder and {@code kubectl kustomize} agree.
 *
 * <p>Merging follows strategic merge patch where k8s/ relies on it: mappings merge recursively; in
 * built-in kinds, lists of named items (containers, env, volumes) merge by {@code name}; every other
 * list, and every list of a custom resource (CloudNativePG, Strimzi), is replaced.
 */
final class Kustomize {

    private static final Set<String> SUPPORTED = Set.of("apiVersion", "kind", "namespace", "resources", "images", "patches");
    private static final Set<String> BUILT_IN_GROUPS = Set.of("v1", "apps/v1", "autoscaling/v2", "policy/v1", "networking.k8s.io/v1");

    private Kustomize() {
    }

    static Path kustomizationFile(Path dir) {
        return dir.resolve("kustomization.yaml");
    }

    static List<ObjectNode> build(Path dir) {
        Path file = kustomizationFile(dir);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("No kustomization.yaml in " + dir);
        }
        ObjectNode k = Repo.document(file);
        k.fieldNames().forEachRemaining(field -> {
            if (!SUPPORTED.contains(field)) {
                throw new IllegalArgumentException(file + ": '" + field + "' is not supported by the Java builder; supported: " + SUPPORTED);
            }
        });
        List<ObjectNode> objects = new ArrayList<>();
        for (JsonNode r : k.path("resources")) {
            Path resource = dir.resolve(r.asText()).normalize();
            if (Files.isDirectory(resource)) {
                objects.addAll(build(resource));
            } else if (Files.isRegularFile(resource)) {
                objects.addAll(Repo.documents(resource));
            } else {
                throw new IllegalArgumentException(file + ": resource " + r.asText() + " does not exist");
            }
        }
        for (JsonNode p : k.path("patches")) {
            if (!p.has("path") || p.size() != 1) {
                throw new IllegalArgumentException(file + ": only patches given by 'path' alone are supported: " + p);
            }
            Path patchFile = dir.resolve(p.get("path").asText()).normalize();
            if (!Files.isRegularFile(patchFile)) {
                throw new IllegalArgumentException(file + ": patch " + patchFile + " does not exist");
            }
            for (ObjectNode patch : Repo.documents(patchFile)) {
                ObjectNode target = objects.stream()
                        .filter(o -> kind(o).equals(kind(patch)) && name(o).equals(name(patch)))
                        .findFirst()
                        .orElseThrow(() -> new IllegalArgumentException(patchFile + ": no " + kind(patch) + " " + name(patch) + " to patch"));
                merge(target, patch, BUILT_IN_GROUPS.contains(target.path("apiVersion").asText()));
            }
        }
        if (k.hasNonNull("namespace")) {
            String namespace = k.get("namespace").asText();
            objects.forEach(o -> ((ObjectNode) o.get("metadata")).put("namespace", namespace));
        }
        for (JsonNode image : k.path("images")) {
            objects.forEach(o -> containers(o).forEach(c -> retag(c, image)));
        }
        return objects;
    }

    static String kind(JsonNode o) {
        return o.path("kind").asText();
    }

    static String name(JsonNode o) {
        return o.path("metadata").path("name").asText();
    }

    /** The containers and init containers of a workload, else nothing. */
    static List<ObjectNode> containers(JsonNode o) {
        List<ObjectNode> all = new ArrayList<>();
        JsonNode pod = o.path("spec").path("template").path("spec");
        for (String field : List.of("initContainers", "containers")) {
            pod.path(field).forEach(c -> all.add((ObjectNode) c));
        }
        return all;
    }

    private static void retag(ObjectNode container, JsonNode image) {
        String current = container.path("image").asText();
        int at = current.indexOf('@');
        int colon = current.lastIndexOf(':');
        boolean tagged = colon > current.lastIndexOf('/');
        String name = at >= 0 ? current.substring(0, at) : tagged ? current.substring(0, colon) : current;
        String tag = at >= 0 ? current.substring(at) : tagged ? current.substring(colon) : "";
        if (!name.equals(image.path("name").asText())) {
            return;
        }
        String newName = image.hasNonNull("newName") ? image.get("newName").asText() : name;
        String newTag = image.hasNonNull("newTag") ? ":" + image.get("newTag").asText() : tag;
        container.put("image", newName + newTag);
    }

    static void merge(ObjectNode target, ObjectNode patch, boolean builtIn) {
        for (Iterator<Map.Entry<String, JsonNode>> it = patch.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode current = target.get(e.getKey());
            JsonNode value = e.getValue();
            if (value.isNull()) {
                target.remove(e.getKey());
            } else if (current instanceof ObjectNode c && value instanceof ObjectNode v) {
                merge(c, v, builtIn);
            } else if (builtIn && current instanceof ArrayNode c && value instanceof ArrayNode v && named(c) && named(v)) {
                mergeByName(c, v);
            } else {
                target.set(e.getKey(), value.deepCopy());
            }
        }
    }

    private static boolean named(ArrayNode list) {
        for (JsonNode item : list) {
            if (!item.isObject() || !item.hasNonNull("name")) {
                return false;
            }
        }
        return true;
    }

    private static void mergeByName(ArrayNode current, ArrayNode patch) {
        for (JsonNode item : patch) {
            String name = item.get("name").asText();
            ObjectNode existing = null;
            for (JsonNode c : current) {
                if (c.get("name").asText().equals(name)) {
                    existing = (ObjectNode) c;
                }
            }
            if (existing != null) {
                merge(existing, (ObjectNode) item, true);
            } else {
                current.add(item.deepCopy());
            }
        }
    }
}
