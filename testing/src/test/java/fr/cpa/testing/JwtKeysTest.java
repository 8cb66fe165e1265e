package fr.cpa.testing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JwtKeysTest {

    @Test
    void aSignedTokenCarriesItsClaimsAndVerifiesWithThePublicKeyOnly(@TempDir Path dir) throws Exception {
        JwtKeys keys = JwtKeys.inDirectory(dir);
        String token = keys.sign("{\"iss\":\"" + JwtKeys.ISSUER + "\",\"sub\":\"bench-admin\",\"groups\":[\"admin\"]}");

        String[] parts = token.split("\\.");
        assertEquals(3, parts.length);
        Base64.Decoder b64 = Base64.getUrlDecoder();
        assertEquals("{\"alg\":\"RS256\",\"typ\":\"JWT\"}", new String(b64.decode(parts[0]), StandardCharsets.UTF_8));
        assertEquals("{\"iss\":\"https://cpa.local\",\"sub\":\"bench-admin\",\"groups\":[\"admin\"]}",
                new String(b64.decode(parts[1]), StandardCharsets.UTF_8));

        String der = Files.readString(keys.publicKey()).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        Signature verify = Signature.getInstance("SHA256withRSA");
        verify.initVerify(KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(der))));
        verify.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertTrue(verify.verify(b64.decode(parts[2])));

        // another key pair's public key refuses it
        JwtKeys other = JwtKeys.inDirectory(dir.resolve("other"));
        String otherDer = Files.readString(other.publicKey()).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        verify.initVerify(KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(otherDer))));
        verify.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertFalse(verify.verify(b64.decode(parts[2])));
    }
}
