package fr.cpa.gateway.client;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The kinds of machine client that may obtain a token by client credentials, each with the scopes
 * it may be granted and the organisation it must be bound to (ARCHITECTURE.md "Security": an
 * employer pushes only its own SIRETs' declarations, a training organisation manages only its own
 * offers, an association validates only its own volunteers).
 */
enum ClientKind {

    /** An employer's payroll system: one or more SIRETs (a group's establishments), {@code sirets} claim. */
    EMPLOYER_PAYROLL("employer-payroll", Set.of(Scope.EMPLOYER), Binding.SIRETS),
    /** A training organisation: exactly one SIRET, {@code siret} claim. */
    TRAINING_ORGANISATION("training-organisation", Set.of(Scope.TRAINING_ORG), Binding.ONE_SIRET),
    /** An association: its RNA number, {@code rna} claim. */
    ASSOCIATION("association", Set.of(Scope.ASSOCIATION), Binding.RNA),
    /** A third-party application: read scopes only, no role and no organisation. */
    THIRD_PARTY("third-party", Set.of(), Binding.NONE),
    /** One of the platform's own services calling another. */
    INTERNAL_SERVICE("internal-service", Set.of(Scope.SERVICE), Binding.NONE);

    /** What organisation a client of the kind must name, and nothing else. */
    enum Binding { SIRETS, ONE_SIRET, RNA, NONE }

    private final String code;
    private final Set<Scope> roleScopes;
    private final Binding binding;

    ClientKind(String code, Set<Scope> roleScopes, Binding binding) {
        this.code = code;
        this.roleScopes = roleScopes;
        this.binding = binding;
    }

    String code() {
        return code;
    }

    Binding binding() {
        return binding;
    }

    /** Its role scopes, plus the read scopes that every kind may have. */
    boolean mayHave(Scope scope) {
        return scope.role().isEmpty() || roleScopes.contains(scope);
    }

    static Optional<ClientKind> of(String code) {
        return Arrays.stream(values()).filter(k -> k.code.equals(code)).findFirst();
    }

    static List<String> codes() {
        return Arrays.stream(values()).map(ClientKind::code).toList();
    }
}
