package fr.cpa.platform.security;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.vertx.core.json.JsonObject;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

import javax.crypto.SecretKey;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Base64;
import java.util.Optional;

/**
 * Every service verifies the bearer token again behind the gateway (defence in depth), and two
 * issuers sign the tokens it may see: the identity provider that holders and advisors log in with
 * ({@code mp.jwt.verify.issuer} and {@code mp.jwt.verify.publickey.location}, its JWKS URL), and the
 * gateway, which issues the machine clients' tokens ({@code cpa.jwt.gateway.issuer} and
 * {@code cpa.jwt.gateway.publickey.location}, its {@code /.well-known/jwks.json}). SmallRye JWT
 * checks one issuer against one key source, so the token's issuer, read before verification, only
 * chooses which of the two complete verifications applies: a token claiming the gateway's issuer
 * must carry the gateway's signature, any other must pass the identity provider's. Without the
 * gateway settings (local runs and tests, where one key pair signs everything) only the standard
 * verification runs.
 */
@Alternative
@Priority(1)
@Singleton
public class TwoIssuerJwtParser implements JWTParser {

    private final DefaultJWTParser standard;
    private final String gatewayIssuer;
    private final JWTAuthContextInfo gateway;

    @Inject
    TwoIssuerJwtParser(JWTAuthContextInfo standardContext,
                       @ConfigProperty(name = "cpa.jwt.gateway.issuer") Optional<String> gatewayIssuer,
                       @ConfigProperty(name = "cpa.jwt.gateway.publickey.location") Optional<String> gatewayKeyLocation) {
        this.standard = new DefaultJWTParser(standardContext);
        if (gatewayIssuer.isPresent() && gatewayKeyLocation.isPresent()
                && !gatewayIssuer.get().equals(standardContext.getIssuedBy())) {
            JWTAuthContextInfo context = new JWTAuthContextInfo(standardContext);
            context.setIssuedBy(gatewayIssuer.get());
            context.setPublicKeyContent(null);
            context.setPublicVerificationKey(null);
            context.setPublicKeyLocation(gatewayKeyLocation.get());
            this.gatewayIssuer = gatewayIssuer.get();
            this.gateway = context;
        } else {
            this.gatewayIssuer = null;
            this.gateway = null;
        }
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
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
    public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
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
