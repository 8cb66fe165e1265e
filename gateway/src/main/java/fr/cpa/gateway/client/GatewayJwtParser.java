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
 * {@code smallrye.jwt.new-token.issuer}) by the public half of its signing key, each token verified
 * once and then kept ({@code cpa.gateway.tokens.verified-cache.*}). See {@link TwoIssuerJwtParser}.
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
                        : secondIssuer(standardContext, gatewayIssuer, JwksEndpoint.publicHalf("signing", signingKeyLocation)),
                new VerifiedTokens("cpa.gateway.tokens.verified-cache", tokens.verifiedCache().maxEntries(), tokens.verifiedCache().maxAge()));
    }
}
