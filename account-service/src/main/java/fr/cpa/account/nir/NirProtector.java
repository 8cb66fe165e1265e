package fr.cpa.account.nir;

import io.smallrye.config.ConfigMapping;
import jakarta.enterprise.context.ApplicationScoped;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Keeps NIRs out of reach: stored encrypted (AES-256-GCM, random IV) so an advisor can still see it
 * when the law requires, and found by a keyed hash (HMAC-SHA256), so the database never holds a
 * plain or unkeyed-hashed NIR that a dictionary of the ~10^13 possible numbers could reverse.
 */
@ApplicationScoped
public class NirProtector {

    /** NIR protection keys ({@code cpa.nir.*}), base64 of 32 random bytes each, from a secret. */
    @ConfigMapping(prefix = "cpa.nir")
    public interface Keys {
        /** AES-256 key encrypting stored NIRs. */
        String encryptionKey();

        /** HMAC-SHA256 key of the look-up hash. */
        String hashKey();
    }

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec encryptionKey;
    private final SecretKeySpec hashKey;
    private final SecureRandom random = new SecureRandom();

    NirProtector(Keys keys) {
        this.encryptionKey = new SecretKeySpec(decode(keys.encryptionKey(), "cpa.nir.encryption-key"), "AES");
        this.hashKey = new SecretKeySpec(decode(keys.hashKey(), "cpa.nir.hash-key"), "HmacSHA256");
    }

    public byte[] lookupHash(Nir nir) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(hashKey);
            return mac.doFinal(nir.value().getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }

    public byte[] encrypt(Nir nir) {
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, iv));
            byte[] sealed = cipher.doFinal(nir.value().getBytes(StandardCharsets.US_ASCII));
            return ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    public Nir decrypt(byte[] stored) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, stored, 0, IV_BYTES));
            String value = new String(cipher.doFinal(stored, IV_BYTES, stored.length - IV_BYTES), StandardCharsets.US_ASCII);
            return Nir.parse(value).orElseThrow(() -> new IllegalStateException("stored NIR is corrupt"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("stored NIR cannot be decrypted with the configured key", e);
        }
    }

    private static byte[] decode(String base64, String property) {
        byte[] key = Base64.getDecoder().decode(base64);
        if (key.length != 32) {
            throw new IllegalStateException(property + " must be base64 of 32 bytes, got " + key.length);
        }
        return key;
    }
}
