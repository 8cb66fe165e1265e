package fr.cpa.gateway.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;
import io.smallrye.jwt.build.Jwt;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Production: holders' tokens from the identity provider, machine clients' from the gateway. */
class TwoIssuerJwtParserTest {

    private static final String IDP = "https://idp.example";
    private static final String GATEWAY = "https://cpa.example/gateway";

    private final KeyPair idpKeys = rsa();
    private final KeyPair gatewayKeys = rsa();
    private final TwoIssuerJwtParser parser = new TwoIssuerJwtParser(
            new JWTAuthContextInfo(idpKeys.getPublic(), IDP), GATEWAY, gatewayKeys.getPublic(), new VerifiedTokens(100, Duration.ofMinutes(1)));

    @Test
    void aHoldersTokenOfTheIdentityProviderIsAccepted() throws ParseException {
        String token = Jwt.issuer(IDP).subject("holder-1").groups("holder").sign(idpKeys.getPrivate());

        assertEquals("holder-1", parser.parse(token).getSubject());
    }

    @Test
    void aClientTokenOfTheGatewayIsAccepted() throws ParseException {
        String token = Jwt.issuer(GATEWAY).subject("client-1").groups("employer").sign(gatewayKeys.getPrivate());

        assertEquals("client-1", parser.parse(token).getSubject());
    }

    @Test
    void aTokenParsedAgainIsTakenFromTheVerifiedTokens() throws ParseException {
        String token = Jwt.issuer(GATEWAY).subject("client-1").groups("employer").sign(gatewayKeys.getPrivate());

        assertSame(parser.parse(token), parser.parse(token));
    }

    @Test
    void aTokenClaimingTheGatewaysIssuerButSignedByTheProviderIsRefused() {
        String token = Jwt.issuer(GATEWAY).subject("client-1").groups("admin").sign(idpKeys.getPrivate());

        assertThrows(ParseException.class, () -> parser.parse(token));
    }

    @Test
    void aTokenClaimingTheProvidersIssuerButSignedByTheGatewayIsRefused() {
        String token = Jwt.issuer(IDP).subject("holder-1").groups("holder").sign(gatewayKeys.getPrivate());

        assertThrows(ParseException.class, () -> parser.parse(token));
    }

    @Test
    void aThirdIssuerIsRefused() {
        KeyPair other = rsa();
        String token = Jwt.issuer("https://elsewhere.example").subject("x").sign(other.getPrivate());

        assertThrows(ParseException.class, () -> parser.parse(token));
    }

    @Test
    void withOneIssuerForBothTheStandardVerificationDoesEverything() throws ParseException {
        TwoIssuerJwtParser single = new TwoIssuerJwtParser(new JWTAuthContextInfo(idpKeys.getPublic(), IDP), IDP, (java.security.PublicKey) null,
                new VerifiedTokens(100, Duration.ofMinutes(1)));
        String token = Jwt.issuer(IDP).subject("client-1").sign(idpKeys.getPrivate());

        assertEquals("client-1", single.parse(token).getSubject());
        assertThrows(ParseException.class, () -> single.parse(Jwt.issuer(IDP).subject("x").sign(gatewayKeys.getPrivate())));
    }

    static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
