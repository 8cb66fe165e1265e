package fr.cpa.tokens;

import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import javax.crypto.SecretKey;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jose4j.json.JsonUtil;
import org.jose4j.lang.JoseException;

/**
 * Verifies the two kinds of bearer token of the platform: the identity provider's (holders,
 * advisors), with the standard {@code mp.jwt.verify.*} configuration (its issuer and JWKS URL), and
 * the gateway's client-credentials tokens (payroll systems, organisations, associations, apps),
 * with the gateway's issuer and keys. SmallRye JWT checks one issuer and one key location, so the
 * token's issuer, read before verification, only chooses which of the two complete verifications
 * applies: a token claiming the gateway's issuer must be signed with the gateway's key, any other
 * must pass the identity provider's. Without a second issuer, or when it is the standard one (local
 * runs and tests, one key pair), the standard verification does everything.
 *
 * <p>A token verified once is taken from {@link VerifiedTokens} on the client's next requests.
 * The gateway and the services each declare a CDI alternative extending this class, from their
 * own configuration.
 */
public class TwoIssuerJwtParser implements JWTParser {

    private final DefaultJWTParser standard;
    private final String secondIssuer;
    private final DefaultJWTParser second;
    private final VerifiedTokens verified;

    /**
     * {@code secondContext} null: no second issuer, or the same as the standard one. Otherwise it
     * names the second issuer and its keys, as {@link #secondIssuer} builds it.
     */
    public TwoIssuerJwtParser(JWTAuthContextInfo standardContext, JWTAuthContextInfo secondContext, VerifiedTokens verified) {
        this.standard = new DefaultJWTParser(standardContext);
        this.verified = verified;
        boolean distinct = secondContext != null && !Objects.equals(secondContext.getIssuedBy(), standardContext.getIssuedBy());
        this.secondIssuer = distinct ? secondContext.getIssuedBy() : null;
        // A factory of its own, whose token parser builds and keeps the second issuer's key resolver
        // (its JWKS URL), apart from the standard verification's.
        this.second = distinct ? new DefaultJWTParser(secondContext, new DefaultJWTCallerPrincipalFactory()) : null;
    }

    /** The standard verification's settings, for {@code issuer} with its public key. */
    public static JWTAuthContextInfo secondIssuer(JWTAuthContextInfo standardContext, String issuer, PublicKey key) {
        JWTAuthContextInfo context = withIssuer(standardContext, issuer);
        context.setPublicVerificationKey(key);
        return context;
    }

    /** The standard verification's settings, for {@code issuer} with the keys at {@code location} (a PEM or JWKS file or URL). */
    public static JWTAuthContextInfo secondIssuer(JWTAuthContextInfo standardContext, String issuer, String location) {
        JWTAuthContextInfo context = withIssuer(standardContext, issuer);
        context.setPublicKeyLocation(location);
        return context;
    }

    private static JWTAuthContextInfo withIssuer(JWTAuthContextInfo standardContext, String issuer) {
        JWTAuthContextInfo context = new JWTAuthContextInfo(standardContext);
        context.setIssuedBy(issuer);
        context.setPublicKeyLocation(null);
        context.setPublicKeyContent(null);
        context.setPublicVerificationKey(null);
        return context;
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        return verified.verified(token, this::verify);
    }

    /** The token's claims if it was verified and kept, else null: costs no verification (see {@link VerifiedTokens#ifVerified}). */
    public JsonWebToken alreadyVerified(String token) {
        return verified.ifVerified(token);
    }

    private JsonWebToken verify(String token) throws ParseException {
        if (second != null && secondIssuer.equals(unverifiedIssuer(token))) {
            return second.parse(token);
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
            Map<String, Object> claims = JsonUtil.parseJson(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
            return claims.get("iss") instanceof String issuer ? issuer : null;
        } catch (JoseException | RuntimeException e) {
            return null;
        }
    }
}
