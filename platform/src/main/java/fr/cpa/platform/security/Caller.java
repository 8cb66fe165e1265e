package fr.cpa.platform.security;

import fr.cpa.platform.problem.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Who is calling, read from the verified JWT, and the one-line ownership checks every resource uses
 * after its {@code @RolesAllowed}:
 *
 * <pre>{@code caller.requireHolder(holderId);   // a holder may act only on their own account
 * caller.requireSiret(body.siret());  // an employer or organisation only on its own SIRET}</pre>
 *
 * Staff roles (advisor, admin, service) pass the ownership checks: which of them may call an endpoint
 * at all is the endpoint's {@code @RolesAllowed}. Any other caller is refused with 403.
 */
@RequestScoped
public class Caller {

    private static final Set<String> STAFF = Set.of(Roles.ADVISOR, Roles.ADMIN, Roles.SERVICE);
    /** eIDAS levels that may spend rights: FranceConnect+ since 2022 (DOMAIN.md §6). */
    public static final Set<String> STRONG_ACR = Set.of("substantial", "high", "eidas2", "eidas3");

    private final SecurityIdentity identity;
    private final JsonWebToken jwt;

    Caller(SecurityIdentity identity, JsonWebToken jwt) {
        this.identity = identity;
        this.jwt = jwt;
    }

    public boolean isAnonymous() {
        return identity.isAnonymous();
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    public boolean isStaff() {
        return STAFF.stream().anyMatch(identity::hasRole);
    }

    /** The token's subject: the holder id for holders, the client or user id otherwise. */
    public String subject() {
        return jwt.getSubject();
    }

    /** Who to name in audit records; never personal data beyond the caller's own id. */
    public String name() {
        return isAnonymous() ? "anonymous" : String.valueOf(jwt.getSubject());
    }

    /** The holder id of a holder's token. */
    public Optional<UUID> holderId() {
        if (!hasRole(Roles.HOLDER) || jwt.getSubject() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(jwt.getSubject()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The SIRETs a payroll system or training organisation is bound to ({@code siret} or {@code sirets}). */
    public Set<String> sirets() {
        return claimValues("siret", "sirets");
    }

    /** The RNA numbers an association's validator is bound to ({@code rna}). */
    public Set<String> rnaNumbers() {
        return claimValues("rna", "rnas");
    }

    /**
     * Refuses (401) a token whose login is weaker than substantial: spending rights is the holder's own
     * decision, made with FranceConnect+, not with a password alone. The gateway checks it too (step-up);
     * each service checks again, as it does every token.
     *
     * @param what what the caller is doing, for the answer: "spending CPF rights"
     */
    public void requireStrongLogin(String what) {
        if (acr().filter(STRONG_ACR::contains).isEmpty()) {
            throw new ProblemException(401, "strong-authentication-required", "Strong authentication required",
                    what + " needs a login of level substantial or higher (FranceConnect+); this token's acr is "
                            + acr().orElse("absent") + ": log in again with a stronger means");
        }
    }

    /** The authentication level ({@code acr}) of the token, e.g. {@code substantial}. */
    public Optional<String> acr() {
        return Optional.ofNullable(jwt.getClaim("acr")).map(Object::toString);
    }

    /** Passes for the holder themselves and for staff; refuses everyone else with 403. */
    public void requireHolder(UUID holderId) {
        if (isStaff() || holderId().filter(holderId::equals).isPresent()) {
            return;
        }
        throw ProblemException.forbidden("this account belongs to another holder");
    }

    /** Passes for a caller bound to {@code siret} and for staff; refuses everyone else with 403. */
    public void requireSiret(String siret) {
        if (isStaff() || (siret != null && sirets().contains(siret))) {
            return;
        }
        throw ProblemException.forbidden("your token is not bound to SIRET " + siret);
    }

    /** Passes for an association's validator bound to {@code rna} and for staff. */
    public void requireAssociation(String rna) {
        if (isStaff() || (rna != null && rnaNumbers().contains(rna))) {
            return;
        }
        throw ProblemException.forbidden("your token is not bound to association " + rna);
    }

    private Set<String> claimValues(String single, String plural) {
        if (isAnonymous()) {
            return Set.of();
        }
        java.util.LinkedHashSet<String> values = new java.util.LinkedHashSet<>();
        Object one = jwt.getClaim(single);
        if (one != null) {
            values.add(unquote(one.toString()));
        }
        Object many = jwt.getClaim(plural);
        if (many instanceof Collection<?> list) {
            list.forEach(v -> values.add(unquote(v.toString())));
        } else if (many instanceof jakarta.json.JsonArray array) {
            array.forEach(v -> values.add(unquote(v.toString())));
        }
        return values;
    }

    /** JSON-P string values print with their quotes. */
    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1) : value;
    }
}
