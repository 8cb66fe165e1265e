package fr.cpa.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The built output of one kustomization (base or an overlay), with look-ups the tests share. */
record Manifests(String dir, List<ObjectNode> objects) {

    static final String BASE = "k8s/base";
    static final String DEV = "k8s/overlays/dev";
    static final String PROD = "k8s/overlays/prod";

    private static final Map<String, Manifests> BUILT = new ConcurrentHashMap<>();

    static Manifests of(String dir) {
        return BUILT.computeIfAbsent(dir, d -> new Manifests(d, List.copyOf(Kustomize.build(Repo.path(d)))));
    }

    List<ObjectNode> ofKind(String kind) {
        return objects.stream().filter(o -> Kustomize.kind(o).equals(kind)).toList();
    }

    Optional<ObjectNode> find(String kind, String name) {
        return ofKind(kind).stream().filter(o -> Kustomize.name(o).equals(name)).findFirst();
    }

    ObjectNode get(String kind, String name) {
        return find(kind, name).orElseThrow(() -> new AssertionError(dir + ": no " + kind + " " + name));
    }

    List<ObjectNode> deployments() {
        return ofKind("Deployment");
    }

    static JsonNode podSpec(JsonNode deployment) {
        return deployment.path("spec").path("template").path("spec");
    }

    static JsonNode podLabels(JsonNode deployment) {
        return deployment.path("spec").path("template").path("metadata").path("labels");
    }

    /** Whether a matchLabels selector selects these labels. */
    static boolean selects(JsonNode matchLabels, JsonNode labels) {
        if (matchLabels.isMissingNode() || matchLabels.isEmpty()) {
            return false;
        }
        for (var it = matchLabels.fields(); it.hasNext(); ) {
            var e = it.next();
            if (!e.getValue().asText().equals(labels.path(e.getKey()).asText(null))) {
                return false;
            }
        }
        return true;
    }

    /**
     * The environment a Deployment's first container gets: its ConfigMaps (envFrom) then its own env
     * entries, by name; a value is the literal, or "secret:NAME/KEY" for a Secret reference.
     */
    Map<String, String> environment(JsonNode deployment) {
        Map<String, String> env = new LinkedHashMap<>();
        JsonNode container = podSpec(deployment).path("containers").get(0);
        for (JsonNode from : container.path("envFrom")) {
            if (from.has("configMapRef")) {
                ObjectNode map = get("ConfigMap", from.path("configMapRef").path("name").asText());
                map.path("data").fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
            } else {
                throw new AssertionError(Kustomize.name(deployment) + ": envFrom other than a ConfigMap: " + from);
            }
        }
        for (JsonNode e : container.path("env")) {
            JsonNode secret = e.path("valueFrom").path("secretKeyRef");
            env.put(e.path("name").asText(), secret.isMissingNode()
                    ? e.path("value").asText()
                    : "secret:" + secret.path("name").asText() + "/" + secret.path("key").asText());
        }
        return env;
    }

    /** Every Secret name a Deployment refers to (env and volumes). */
    static List<String> secretNames(JsonNode deployment) {
        List<String> names = new ArrayList<>();
        for (JsonNode c : podSpec(deployment).path("containers")) {
            for (JsonNode e : c.path("env")) {
                JsonNode ref = e.path("valueFrom").path("secretKeyRef");
                if (!ref.isMissingNode()) {
                    names.add(ref.path("name").asText());
                }
            }
            for (JsonNode from : c.path("envFrom")) {
                if (from.has("secretRef")) {
                    names.add(from.path("secretRef").path("name").asText());
                }
            }
        }
        for (JsonNode v : podSpec(deployment).path("volumes")) {
            if (v.has("secret")) {
                names.add(v.path("secret").path("secretName").asText());
            }
        }
        return names;
    }
}
