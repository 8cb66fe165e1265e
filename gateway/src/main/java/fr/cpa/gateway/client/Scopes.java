package fr.cpa.gateway.client;

import java.util.LinkedHashMap;
import java.util.Map;

/** The scopes of client-credentials tokens, for the merged OpenAPI document. */
public final class Scopes {

    private Scopes() {
    }

    /** Each scope's code and what it allows, in declaration order. */
    public static Map<String, String> descriptions() {
        Map<String, String> scopes = new LinkedHashMap<>();
        for (Scope scope : Scope.values()) {
            scopes.put(scope.code(), scope.description() + scope.role().map(r -> " (role " + r + ")").orElse(""));
        }
        return scopes;
    }
}
