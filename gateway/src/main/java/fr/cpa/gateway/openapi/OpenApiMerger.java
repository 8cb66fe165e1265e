package fr.cpa.gateway.openapi;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;

/**
 * Merges the services' OpenAPI documents into the one of the whole suite, as seen through the
 * gateway: a service's path is kept only if the gateway routes it to that service; components are
 * merged by name, a name two services define differently is renamed {@code <service>_<name>} in
 * the second one (with its {@code $ref}s); the services' own security schemes are replaced by the
 * two the gateway accepts, bearer JWT and OAuth2 client credentials at {@code /auth/token}; and the
 * services that could not be read are named in {@code info.description} and {@code x-cpa-missing-services}.
 */
final class OpenApiMerger {

    static final String BEARER = "bearer";
    static final String CLIENT_CREDENTIALS = "clientCredentials";

    /** A service's document, or why there is none. */
    record ServiceDocument(String service, JsonObject document, String missingBecause) {

        static ServiceDocument of(String service, JsonObject document) {
            return new ServiceDocument(service, document, null);
        }

        static ServiceDocument missing(String service, String reason) {
            return new ServiceDocument(service, null, reason);
        }
    }

    private final BiPredicate<String, String> routedTo;

    /** {@code routedTo.test(path, service)}: whether the gateway sends this path to this service. */
    OpenApiMerger(BiPredicate<String, String> routedTo) {
        this.routedTo = routedTo;
    }

    JsonObject merge(List<ServiceDocument> documents, JsonObject gatewayPaths, Map<String, String> scopes) {
        JsonObject paths = new JsonObject();
        JsonObject components = new JsonObject();
        List<String> tags = new ArrayList<>();
        JsonArray mergedTags = new JsonArray();
        List<String> missing = new ArrayList<>();
        String version = "3.0.3";

        gatewayPaths.forEach(e -> paths.put(e.getKey(), e.getValue()));
        for (ServiceDocument service : documents) {
            if (service.document() == null) {
                missing.add(service.service() + " (" + service.missingBecause() + ")");
                continue;
            }
            JsonObject document = service.document().copy();
            version = document.getString("openapi", version);
            document = renameConflicts(service.service(), document, components);
            JsonObject servicePaths = document.getJsonObject("paths", new JsonObject());
            for (String path : servicePaths.fieldNames()) {
                if (routedTo.test(path, service.service()) && !paths.containsKey(path)) {
                    paths.put(path, withGatewaySecurity(servicePaths.getJsonObject(path)));
                }
            }
            JsonObject serviceComponents = document.getJsonObject("components", new JsonObject());
            for (String section : serviceComponents.fieldNames()) {
                if (section.equals("securitySchemes")) {
                    continue;
                }
                JsonObject target = components.getJsonObject(section);
                if (target == null) {
                    target = new JsonObject();
                    components.put(section, target);
                }
                JsonObject entries = serviceComponents.getJsonObject(section);
                for (String name : entries.fieldNames()) {
                    if (!target.containsKey(name)) {
                        target.put(name, entries.getValue(name));
                    }
                }
            }
            for (Object tag : document.getJsonArray("tags", new JsonArray())) {
                if (tag instanceof JsonObject t && !tags.contains(t.getString("name"))) {
                    tags.add(t.getString("name"));
                    mergedTags.add(t);
                }
            }
        }
        components.put("securitySchemes", securitySchemes(scopes));

        String description = "All the CPA services behind the gateway. Machine clients get a token by OAuth2 "
                + "client credentials at /auth/token; holders and advisors log in with the identity provider.";
        if (!missing.isEmpty()) {
            description += " Missing (could not be read, their paths are absent): " + String.join(", ", missing) + ".";
        }
        JsonObject merged = new JsonObject()
                .put("openapi", version)
                .put("info", new JsonObject().put("title", "Compte Personnel d'Activité API").put("version", "v1")
                        .put("description", description))
                .put("servers", new JsonArray().add(new JsonObject().put("url", "/")))
                .put("paths", sorted(paths))
                .put("components", components);
        if (!mergedTags.isEmpty()) {
            merged.put("tags", mergedTags);
        }
        merged.put("x-cpa-missing-services", new JsonArray(missing.stream().map(m -> m.substring(0, m.indexOf(' '))).toList()));
        return merged;
    }

    /**
     * Renames, in this service's document, each component whose name is already taken by a different
     * definition, and points its {@code $ref}s to the new name.
     */
    private static JsonObject renameConflicts(String service, JsonObject document, JsonObject merged) {
        JsonObject serviceComponents = document.getJsonObject("components");
        if (serviceComponents == null) {
            return document;
        }
        Map<String, String> refs = new HashMap<>();
        for (String section : serviceComponents.fieldNames()) {
            JsonObject existing = merged.getJsonObject(section);
            if (existing == null || section.equals("securitySchemes")) {
                continue;
            }
            JsonObject entries = serviceComponents.getJsonObject(section);
            for (String name : List.copyOf(entries.fieldNames())) {
                if (existing.containsKey(name) && !existing.getValue(name).equals(entries.getValue(name))) {
                    String renamed = service + "_" + name;
                    entries.put(renamed, entries.remove(name));
                    refs.put("#/components/" + section + "/" + name, "#/components/" + section + "/" + renamed);
                }
            }
        }
        return refs.isEmpty() ? document : (JsonObject) rewriteRefs(document, refs);
    }

    private static Object rewriteRefs(Object node, Map<String, String> refs) {
        if (node instanceof JsonObject object) {
            JsonObject copy = new JsonObject();
            object.forEach(e -> copy.put(e.getKey(), e.getKey().equals("$ref") && e.getValue() instanceof String ref
                    ? refs.getOrDefault(ref, ref) : rewriteRefs(e.getValue(), refs)));
            return copy;
        }
        if (node instanceof JsonArray array) {
            JsonArray copy = new JsonArray();
            array.forEach(v -> copy.add(rewriteRefs(v, refs)));
            return copy;
        }
        return node;
    }

    /** An operation that requires a security scheme requires one of the gateway's. */
    private static JsonObject withGatewaySecurity(JsonObject pathItem) {
        JsonObject copy = pathItem.copy();
        for (String method : copy.fieldNames()) {
            if (copy.getValue(method) instanceof JsonObject operation && operation.containsKey("security")) {
                JsonArray security = operation.getJsonArray("security");
                if (security != null && !security.isEmpty()) {
                    operation.put("security", gatewaySecurity());
                }
            }
        }
        return copy;
    }

    static JsonArray gatewaySecurity() {
        return new JsonArray()
                .add(new JsonObject().put(BEARER, new JsonArray()))
                .add(new JsonObject().put(CLIENT_CREDENTIALS, new JsonArray()));
    }

    private static JsonObject securitySchemes(Map<String, String> scopes) {
        return new JsonObject()
                .put(BEARER, new JsonObject().put("type", "http").put("scheme", "bearer").put("bearerFormat", "JWT")
                        .put("description", "An RS256 JWT: the identity provider's for holders and advisors, "
                                + "the gateway's (/auth/token) for machine clients."))
                .put(CLIENT_CREDENTIALS, new JsonObject().put("type", "oauth2")
                        .put("description", "OAuth2 client credentials (RFC 6749 §4.4) for registered machine clients.")
                        .put("flows", new JsonObject().put("clientCredentials", new JsonObject()
                                .put("tokenUrl", "/auth/token")
                                .put("scopes", new JsonObject(new LinkedHashMap<>(scopes))))));
    }

    private static JsonObject sorted(JsonObject paths) {
        JsonObject sorted = new JsonObject();
        paths.fieldNames().stream().sorted().forEach(name -> sorted.put(name, paths.getValue(name)));
        return sorted;
    }
}
