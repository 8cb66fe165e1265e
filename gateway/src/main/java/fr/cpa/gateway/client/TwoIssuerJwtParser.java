package fr.cpa.gateway.client;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.vertx.core.json.JsonObject;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.SecretKey;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Verifies the two kinds of bearer token the gateway accepts: the identity provider's (holders,
 * advisors), with the standard {@code mp.jwt.verify.*} configuration (its issuer and JWKS URL), and
 * the gateway's own client-credentials tokens, with its issuer ({@code smallrye.jwt.new-token.issuer})
 * and the public half of its signing key. SmallRye JWT checks one issuer and one key location, so
 * the token's issuer, read before verification, only chooses which of the two complete verifications
 * applies: a token claiming the gateway's issuer must be signed with the gateway's key, any other
 * must pass the identity provider's. When both issuers are the same (local runs and tests, one key
 * pair) the standard verification does everything.
 *
 * <p>A token verified once is taken from {@link VerifiedTokens} on the client's next requests.
 */
@Alternative
@Priority(1)
@Singleton
class TwoIssuerJwtParser implements JWTParser {

    private final DefaultJWTParser standard;
    private final String gatewayIssuer;
    private final JWTAuthContextInfo gateway;
    private final VerifiedTokens verified;

    @Inject
    TwoIssuerJwtParser(JWTAuthContextInfo standardContext, TokenConfig tokens,
            @ConfigProperty(name = "smallrye.jwt.new-token.issuer") String gatewayIssuer,
            @ConfigProperty(name = "smallrye.jwt.sign.key.location") String signingKeyLocation) {
        this(standardContext, gatewayIssuer, Objects.equals(gatewayIssuer, standardContext.getIssuedBy())
                ? null : JwksEndpoint.publicHalf("signing", signingKeyLocation),
                new VerifiedTokens(tokens.verifiedCache().maxEntries(), tokens.verifiedCache().maxAge()));
    }

    /** {@code gatewayKey} null: the gateway's issuer is the standard one, nothing to choose. */
    TwoIssuerJwtParser(JWTAuthContextInfo standardContext, String gatewayIssuer, PublicKey gatewayKey, VerifiedTokens verified) {
        this.standard = new DefaultJWTParser(standardContext);
        this.gatewayIssuer = gatewayIssuer;
        this.verified = verified;
        if (gatewayKey == null) {
            this.gateway = null;
        } else {
            JWTAuthContextInfo context = new JWTAuthContextInfo(standardContext);
            context.setIssuedBy(gatewayIssuer);
            context.setPublicKeyLocation(null);
            context.setPublicKeyContent(null);
            context.setPublicVerificationKey(gatewayKey);
            this.gateway = context;
        }
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        return verified.verified(token, this::verify);
    }

    private JsonWebToken verify(String token) throws ParseException {
        if (gateway != null && gatewayIssuer.equals(unverifiedIssuer(token))) {
            return standard.parse(token, gateway);
        }
        return standard.parse(token);
    }

    @Override
    public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
        return standard.parse(token, context);
    }

    @Override
    public JsonWebToken verify(String token, PublicKey key) throws ParseException {
        return standard.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, SecretKey key) throws ParseException {
        return standard.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, String secret) throws ParseException {
        return standard.verify(token, secret);
    }

    @Override
    public JsonWebToken decrypt(String token, java.security.PrivateKey key) throws ParseException {
        return standard.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
        return standard.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, String secret) throws ParseException {
        return standard.decrypt(token, secret);
    }

    @Override
    public JsonWebToken parseOnly(String token) throws ParseException {
        return standard.parseOnly(token);
    }

    /** The {@code iss} of a compact JWS, read without verifying anything; null if unreadable. */
    static String unverifiedIssuer(String token) {
        try {
            String[] parts = token.split("\\.");
            if (parts.length != 3) {
                return null;
            }
            return new JsonObject(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)).getString("iss");
        } catch (RuntimeException e) {
            return null;
        }
    }
}
