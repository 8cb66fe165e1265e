package fr.cpa.testing;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;

/**
 * Signed JWTs for tests, following the platform's claim conventions: {@code iss}
 * {@value JwtKeys#ISSUER}, {@code sub} the holder id for holders (else the client or user id),
 * {@code groups} the roles, {@code siret} for employers and training organisations, {@code rna}
 * for associations, {@code acr} the authentication level. Signed with the key that
 * {@code smallrye.jwt.sign.key.location} names, which {@link CpaTestResources} sets.
 */
public final class TestTokens {

    private TestTokens() {
    }

    /** A token of the holder (titulaire) {@code holderId}. */
    public static String holder(UUID holderId) {
        return role("holder", holderId.toString());
    }

    /**
     * The private key of a second issuer, standing for the gateway's own signing key where it is not
     * the identity provider's (production); its public half is {@code cpa.test.gateway-publickey.location}.
     */
    public static String gatewaySigningKeyLocation() {
        return TestServers.gatewayKeys().privateKey().toString();
    }

    /** A token with the single role {@code role} for {@code subject}. */
    public static String role(String role, String subject) {
        return token(role, subject).sign();
    }

    /** A token to complete with claims, e.g. {@code token("employer", "payroll-1").siret("73282932000074").sign()}. */
    public static Builder token(String role, String subject) {
        return new Builder(role, subject);
    }

    public static final class Builder {

        private final JwtClaimsBuilder claims;

        private Builder(String role, String subject) {
            claims = Jwt.issuer(JwtKeys.ISSUER).subject(subject).groups(Set.of(role)).expiresIn(Duration.ofHours(1));
        }

        public Builder siret(String siret) {
            claims.claim("siret", siret);
            return this;
        }

        public Builder rna(String rna) {
            claims.claim("rna", rna);
            return this;
        }

        public Builder acr(String acr) {
            claims.claim("acr", acr);
            return this;
        }

        /** Several roles at once, replacing the one given at creation. */
        public Builder groups(String... roles) {
            claims.groups(Set.of(roles));
            return this;
        }

        public String sign() {
            return claims.sign();
        }
    }
}
