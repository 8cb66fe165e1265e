package fr.cpa.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The RSA key pair that signs (gateway, tests) and verifies (every service) the platform's JWTs
 * outside production, as PEM files that SmallRye JWT reads: {@code privateKey.pem} (PKCS#8) and
 * {@code publicKey.pem} (X.509 SubjectPublicKeyInfo).
 */
public record JwtKeys(Path privateKey, Path publicKey) {

    /** The {@code iss} claim of every token the platform issues or accepts outside production. */
    public static final String ISSUER = "https://cpa.local";

    /** The key pair in {@code dir}, generated on first use and kept afterwards. */
    public static JwtKeys inDirectory(Path dir) {
        JwtKeys keys = new JwtKeys(dir.resolve("privateKey.pem").toAbsolutePath(), dir.resolve("publicKey.pem").toAbsolutePath());
        if (Files.exists(keys.privateKey) && Files.exists(keys.publicKey)) {
            return keys;
        }
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            Files.createDirectories(dir);
            Files.writeString(keys.publicKey, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
            // Written last: its presence tells a complete pair.
            Files.writeString(keys.privateKey, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            return keys;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA key generation is unavailable", e);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the JWT keys to " + dir, e);
        }
    }

    /**
     * A compact RS256 JWT of these claims (a JSON object), signed with the private key: for programs that run
     * a packaged service outside Quarkus tests (the benchmarks), with the JDK alone.
     */
    public String sign(String claimsJson) {
        try {
            Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
            String header = b64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
            String payload = b64.encodeToString(claimsJson.getBytes(StandardCharsets.UTF_8));
            String der = Files.readString(privateKey).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(der))));
            signature.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
            return header + "." + payload + "." + b64.encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with " + privateKey, e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + privateKey, e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
