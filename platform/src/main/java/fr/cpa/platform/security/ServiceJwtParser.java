package fr.cpa.platform.security;

import fr.cpa.tokens.TwoIssuerJwtParser;
import fr.cpa.tokens.VerifiedTokens;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.Optional;

/**
 * Every service verifies the bearer token again behind the gateway (defence in depth), and two
 * issuers sign the tokens it may see: the identity provider that holders and advisors log in with
 * ({@code mp.jwt.verify.issuer} and {@code mp.jwt.verify.publickey.location}, its JWKS URL), and the
 * gateway, which issues the machine clients' tokens ({@code cpa.jwt.gateway.issuer} and
 * {@code cpa.jwt.gateway.publickey.location}, its {@code /.well-known/jwks.json}). The token's
 * issuer only chooses which of the two complete verifications applies ({@link TwoIssuerJwtParser}).
 * Without the gateway settings (local runs and most tests, where one key pair signs everything)
 * only the standard verification runs.
 *
 * <p>A token verified once is reused until its {@code exp}, and at most
 * {@code cpa.jwt.verified-cache.max-age} after its check: checking the RS256 signature and parsing the
 * claims on every request made a CPF balance read cost the service 228 µs of CPU instead of 141
 * (bench/results/gateway-2026-11-27T162854Z and T160816Z, one session). 0 entries or a max age of 0
 * turns it off.
 */
@Alternative
@Priority(1)
@Singleton
public class ServiceJwtParser extends TwoIssuerJwtParser {

    @Inject
    ServiceJwtParser(JWTAuthContextInfo standardContext,
                     @ConfigProperty(name = "cpa.jwt.gateway.issuer") Optional<String> gatewayIssuer,
                     @ConfigProperty(name = "cpa.jwt.gateway.publickey.location") Optional<String> gatewayKeyLocation,
                     @ConfigProperty(name = "cpa.jwt.verified-cache.max-entries", defaultValue = "10000") int maxEntries,
                     @ConfigProperty(name = "cpa.jwt.verified-cache.max-age", defaultValue = "60s") Duration maxAge) {
        super(standardContext, gateway(standardContext, gatewayIssuer, gatewayKeyLocation), new VerifiedTokens("cpa.jwt.verified-cache", maxEntries, maxAge));
    }

    private static JWTAuthContextInfo gateway(JWTAuthContextInfo standardContext, Optional<String> issuer, Optional<String> keyLocation) {
        if (issuer.isPresent() != keyLocation.isPresent()) {
            // One without the other would silently refuse every machine client: stop the start instead.
            throw new IllegalStateException("cpa.jwt.gateway.issuer and cpa.jwt.gateway.publickey.location go together: "
                    + (issuer.isPresent() ? "the key location" : "the issuer") + " is missing");
        }
        return issuer.map(i -> secondIssuer(standardContext, i, keyLocation.get())).orElse(null);
    }
}
