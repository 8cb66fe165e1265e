package fr.cpa.gateway.client;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a token grants a client: the scopes asked for (all of its registered ones when none are,
 * RFC 6749 §3.3), the roles they map to, and the organisation the client is bound to.
 */
record Grant(String clientId, List<String> scopes, Set<String> groups, ClientKind kind, List<String> sirets, String rna) {

    sealed interface Result permits Granted, Refused {
    }

    record Granted(Grant grant) implements Result {
    }

    record Refused(OAuthError error) implements Result {
    }

    static Result of(String clientId, ClientKind kind, List<Scope> registered, List<String> sirets, String rna,
            Optional<Set<String>> requested) {
        Set<Scope> granted = new LinkedHashSet<>();
        if (requested.isEmpty()) {
            granted.addAll(registered);
        } else {
            for (String code : requested.get()) {
                Optional<Scope> scope = Scope.of(code).filter(registered::contains);
                if (scope.isEmpty()) {
                    return new Refused(OAuthError.invalidScope("scope '" + code + "' is not granted to this client"));
                }
                granted.add(scope.get());
            }
        }
        Set<String> groups = new TreeSet<>();
        granted.forEach(scope -> scope.role().ifPresent(groups::add));
        return new Granted(new Grant(clientId, granted.stream().map(Scope::code).toList(), groups, kind, sirets, rna));
    }

    /** The {@code scope} of the token response and claim: space-separated. */
    String scope() {
        return String.join(" ", scopes);
    }
}
