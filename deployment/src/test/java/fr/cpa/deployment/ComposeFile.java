package fr.cpa.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** docker-compose.yml at the repository root, parsed. */
record ComposeFile(ObjectNode root) {

    static ComposeFile read() {
        return new ComposeFile(Repo.document(Repo.path("docker-compose.yml")));
    }

    List<String> serviceNames() {
        List<String> names = new ArrayList<>();
        root.path("services").fieldNames().forEachRemaining(names::add);
        return names;
    }

    JsonNode service(String name) {
        JsonNode s = root.path("services").path(name);
        if (s.isMissingNode()) {
            throw new AssertionError("docker-compose.yml has no service " + name);
        }
        return s;
    }

    /** A service's environment, in either of compose's forms (mapping, or list of NAME=value). */
    Map<String, String> environment(String name) {
        Map<String, String> env = new LinkedHashMap<>();
        JsonNode e = service(name).path("environment");
        if (e.isArray()) {
            for (JsonNode item : e) {
                String[] pair = item.asText().split("=", 2);
                env.put(pair[0], pair.length > 1 ? pair[1] : "");
            }
        } else {
            e.fields().forEachRemaining(f -> env.put(f.getKey(), f.getValue().asText()));
        }
        return env;
    }
}
