package fr.cpa.gateway.client;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The scopes a machine client may ask for (RFC 6749 §3.3) and the platform role each one grants in
 * the token's {@code groups} claim, the claim every service checks with {@code @RolesAllowed}.
 * Read scopes grant no role: they name what a third-party app uses (public search and simulations)
 * and give it its own rate limit, as a client rather than an IP address.
 */
enum Scope {

    EMPLOYER("employer", "employer", "an employer's payroll system: declarations and payslips of its SIRETs"),
    TRAINING_ORG("training-org", "training-org", "a training organisation: its offers, sessions and enrolments"),
    ASSOCIATION("association", "association", "an association: its volunteers' engagements"),
    SERVICE("service", "service", "a platform service calling another"),
    CATALOGUE_READ("catalogue:read", null, "public training search, as an identified application"),
    SIMULATIONS_READ("simulations:read", null, "public simulations, as an identified application");

    private final String code;
    private final String role;
    private final String description;

    Scope(String code, String role, String description) {
        this.code = code;
        this.role = role;
        this.description = description;
    }

    String description() {
        return description;
    }

    String code() {
        return code;
    }

    Optional<String> role() {
        return Optional.ofNullable(role);
    }

    static Optional<Scope> of(String code) {
        return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst();
    }

    static List<String> codes() {
        return Arrays.stream(values()).map(Scope::code).toList();
    }
}
