package fr.cpa.gateway.client;

import fr.cpa.tokens.TwoIssuerJwtParser;
import fr.cpa.tokens.VerifiedTokens;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The gateway's bearer-token verification: the identity provider's tokens by the standard
 * {@code mp.jwt.verify.*} configuration, the gateway's own client-credentials tokens (issuer
 * {@code smallrye.jwt.new-token.issuer}) by the keys it publishes ({@link GatewayKeySet}: its
 * signing key and, after a rotation, the previous ones, chosen by the token's {@code kid}), each
 * token verified once and then kept ({@code cpa.gateway.tokens.verified-cache.*}). See
 * {@link TwoIssuerJwtParser}.
 */
@Alternative
@Priority(1)
@Singleton
class GatewayJwtParser extends TwoIssuerJwtParser {

    @Inject
    GatewayJwtParser(JWTAuthContextInfo standardContext, TokenConfig tokens,
            @ConfigProperty(name = "smallrye.jwt.new-token.issuer") String gatewayIssuer,
            @ConfigProperty(name = "smallrye.jwt.sign.key.location") String signingKeyLocation) {
        super(standardContext,
                gatewayIssuer.equals(standardContext.getIssuedBy()) ? null
                        : gatewayTokens(standardContext, gatewayIssuer, tokens, signingKeyLocation),
                new VerifiedTokens("cpa.gateway.tokens.verified-cache", tokens.verifiedCache().maxEntries(), tokens.verifiedCache().maxAge()));
    }

    /**
     * The standard verification's settings for the gateway's issuer and its key set. SmallRye reads a
     * JWKS given as key content and takes the key named by the token's {@code kid}: a token of a
     * previous key verifies until it expires, one whose {@code kid} is not in the set does not.
     */
    private static JWTAuthContextInfo gatewayTokens(JWTAuthContextInfo standardContext, String gatewayIssuer,
            TokenConfig tokens, String signingKeyLocation) {
        // No location: the issuer's keys are the content set below.
        JWTAuthContextInfo context = secondIssuer(standardContext, gatewayIssuer, (String) null);
        context.setPublicKeyContent(GatewayKeySet.of(tokens, signingKeyLocation).encode());
        return context;
    }
}
