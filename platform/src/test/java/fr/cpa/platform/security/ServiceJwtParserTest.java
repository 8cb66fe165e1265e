package fr.cpa.platform.security;

import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;
import io.smallrye.jwt.build.Jwt;
import org.junit.jupiter.api.Test;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The services' settings of the two-issuer check and of the verified-token cache (the check itself
 * is tested in the tokens module, and through a service in hardship's TwoIssuersTest).
 */
class ServiceJwtParserTest {

    private static final String IDP = "https://idp.example";
    private static final KeyPair IDP_KEYS = rsa();
    private static final JWTAuthContextInfo STANDARD = new JWTAuthContextInfo(IDP_KEYS.getPublic(), IDP);

    @Test
    void theGatewaysIssuerWithoutItsKeyLocationStopsTheStart() {
        IllegalStateException withoutKeys = assertThrows(IllegalStateException.class, () -> new ServiceJwtParser(STANDARD,
                Optional.of("https://gateway.example"), Optional.empty(), 100, Duration.ofSeconds(60)));
        assertTrue(withoutKeys.getMessage().contains("the key location is missing"), withoutKeys.getMessage());
        IllegalStateException withoutIssuer = assertThrows(IllegalStateException.class, () -> new ServiceJwtParser(STANDARD,
                Optional.empty(), Optional.of("/keys/gateway.pem"), 100, Duration.ofSeconds(60)));
        assertTrue(withoutIssuer.getMessage().contains("the issuer is missing"), withoutIssuer.getMessage());
    }

    @Test
    void aNegativeCacheSettingStopsTheStartNamingTheServicesKeys() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> new ServiceJwtParser(STANDARD,
                Optional.empty(), Optional.empty(), -1, Duration.ofSeconds(60)));
        assertTrue(refused.getMessage().startsWith("cpa.jwt.verified-cache.max-entries"), refused.getMessage());
    }

    @Test
    void byDefaultAVerifiedTokenIsKeptAndZeroEntriesTurnsThatOff() throws ParseException {
        String token = Jwt.issuer(IDP).subject("holder-1").groups("holder").expiresIn(Duration.ofMinutes(5)).sign(IDP_KEYS.getPrivate());
        ServiceJwtParser kept = new ServiceJwtParser(STANDARD, Optional.empty(), Optional.empty(), 10_000, Duration.ofSeconds(60));
        ServiceJwtParser off = new ServiceJwtParser(STANDARD, Optional.empty(), Optional.empty(), 0, Duration.ofSeconds(60));

        assertSame(kept.parse(token), kept.parse(token));
        assertNotSame(off.parse(token), off.parse(token));
        assertEquals("holder-1", off.parse(token).getSubject());
    }

    @Test
    void withoutTheGatewaySettingsAGatewayTokenIsRefused() {
        ServiceJwtParser parser = new ServiceJwtParser(STANDARD, Optional.empty(), Optional.empty(), 100, Duration.ofSeconds(60));
        String token = Jwt.issuer("https://gateway.example").subject("client-1").expiresIn(Duration.ofMinutes(5)).sign(rsa().getPrivate());

        assertThrows(ParseException.class, () -> parser.parse(token));
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
