package fr.cpa.gateway.client;

import io.smallrye.jwt.util.KeyUtils;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.RsaJsonWebKey;

/**
 * {@code GET /.well-known/jwks.json}: the public keys of the tokens the gateway signs (RFC 7517), so
 * that the services can verify them with {@code mp.jwt.verify.publickey.location} pointing here.
 * The signing key's public half is derived from {@code smallrye.jwt.sign.key.location} (an RSA
 * private key holds its modulus and public exponent), so the published key cannot differ from the
 * one that signs; {@link TokenConfig#previousPublicKeys()} are added during a rotation
 * ({@link GatewayKeySet}, the keys the gateway verifies its own tokens with too).
 */
@Singleton
class JwksEndpoint {

    static final String PATH = "/.well-known/jwks.json";

    private final String jwks;

    JwksEndpoint(TokenConfig config,
            @ConfigProperty(name = "smallrye.jwt.sign.key.location") String signingKeyLocation) {
        this.jwks = GatewayKeySet.of(config, signingKeyLocation).encode();
    }

    void register(@Observes Router router) {
        router.get(PATH).handler(ctx -> ctx.response()
                .putHeader("Content-Type", "application/jwk-set+json")
                // Verifiers may cache it a little; a rotation publishes the new key before using it.
                .putHeader("Cache-Control", "public, max-age=300")
                .end(jwks));
    }

    static RSAPublicKey publicHalf(String kid, String privateKeyLocation) {
        PrivateKey key;
        try {
            key = KeyUtils.decodePrivateKey(read(privateKeyLocation));
        } catch (Exception e) {
            throw new IllegalStateException("signing key " + kid + " at " + privateKeyLocation + " cannot be read: " + e.getMessage(), e);
        }
        if (!(key instanceof RSAPrivateCrtKey crt)) {
            throw new IllegalStateException("signing key " + kid + " is not an RSA private key with its public exponent");
        }
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static RSAPublicKey publicKey(String kid, String location) {
        PublicKey key;
        try {
            key = KeyUtils.decodePublicKey(read(location));
        } catch (Exception e) {
            throw new IllegalStateException("public key " + kid + " at " + location + " cannot be read: " + e.getMessage(), e);
        }
        if (!(key instanceof RSAPublicKey rsa)) {
            throw new IllegalStateException("public key " + kid + " is not an RSA key");
        }
        return rsa;
    }

    static JsonObject jwk(String kid, RSAPublicKey rsa) {
        RsaJsonWebKey jwk = new RsaJsonWebKey(rsa);
        jwk.setKeyId(kid);
        jwk.setUse("sig");
        jwk.setAlgorithm("RS256");
        Map<String, Object> params = jwk.toParams(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
        return new JsonObject(params);
    }

    private static String read(String location) throws IOException {
        Path path = Path.of(location.startsWith("file:") ? location.substring(5) : location);
        if (Files.exists(path)) {
            return Files.readString(path);
        }
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(location)) {
            if (in == null) {
                throw new UncheckedIOException(new IOException("no such file or class-path resource"));
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
