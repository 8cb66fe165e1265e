package fr.cpa.tokens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;
import io.smallrye.jwt.build.Jwt;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Production: holders' tokens from the identity provider, machine clients' from the gateway. */
class TwoIssuerJwtParserTest {

    private static final String IDP = "https://idp.example";
    private static final String GATEWAY = "https://cpa.example/gateway";

    private final KeyPair idpKeys = rsa();
    private final KeyPair gatewayKeys = rsa();
    private final JWTAuthContextInfo idp = new JWTAuthContextInfo(idpKeys.getPublic(), IDP);
    /** The gateway's parser: its own key at hand. */
    private final TwoIssuerJwtParser parser = new TwoIssuerJwtParser(idp,
            TwoIssuerJwtParser.secondIssuer(idp, GATEWAY, gatewayKeys.getPublic()), new VerifiedTokens("test", 100, Duration.ofMinutes(1)));

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
        TwoIssuerJwtParser single = new TwoIssuerJwtParser(idp, TwoIssuerJwtParser.secondIssuer(idp, IDP, gatewayKeys.getPublic()),
                new VerifiedTokens("test", 100, Duration.ofMinutes(1)));
        String token = Jwt.issuer(IDP).subject("client-1").sign(idpKeys.getPrivate());

        assertEquals("client-1", single.parse(token).getSubject());
        assertThrows(ParseException.class, () -> single.parse(Jwt.issuer(IDP).subject("x").sign(gatewayKeys.getPrivate())));
    }

    @Test
    void withoutASecondIssuerOnlyTheProvidersTokensPass() throws ParseException {
        TwoIssuerJwtParser providerOnly = new TwoIssuerJwtParser(idp, null, new VerifiedTokens("test", 100, Duration.ofMinutes(1)));

        assertEquals("holder-1", providerOnly.parse(Jwt.issuer(IDP).subject("holder-1").sign(idpKeys.getPrivate())).getSubject());
        assertThrows(ParseException.class, () -> providerOnly.parse(Jwt.issuer(GATEWAY).subject("client-1").sign(gatewayKeys.getPrivate())));
    }

    @Test
    void aServiceReadsTheGatewaysKeysFromTheirLocationApartFromTheProviders(@TempDir Path dir) throws Exception {
        // The services name the gateway's keys by location (its JWKS URL in production, a PEM file here)
        // while the provider's come from mp.jwt.verify.publickey.location: two locations, two resolvers.
        Path gatewayPem = dir.resolve("gateway.pem");
        Path idpPem = dir.resolve("idp.pem");
        Files.writeString(gatewayPem, pem(gatewayKeys));
        Files.writeString(idpPem, pem(idpKeys));
        JWTAuthContextInfo byLocation = new JWTAuthContextInfo(idpPem.toString(), IDP);
        TwoIssuerJwtParser service = new TwoIssuerJwtParser(byLocation,
                TwoIssuerJwtParser.secondIssuer(byLocation, GATEWAY, gatewayPem.toString()), new VerifiedTokens("test", 0, Duration.ZERO));

        assertEquals("client-1", service.parse(Jwt.issuer(GATEWAY).subject("client-1").sign(gatewayKeys.getPrivate())).getSubject());
        assertEquals("holder-1", service.parse(Jwt.issuer(IDP).subject("holder-1").sign(idpKeys.getPrivate())).getSubject());
        assertEquals("client-2", service.parse(Jwt.issuer(GATEWAY).subject("client-2").sign(gatewayKeys.getPrivate())).getSubject());
        assertThrows(ParseException.class, () -> service.parse(Jwt.issuer(GATEWAY).subject("x").sign(idpKeys.getPrivate())));
        assertThrows(ParseException.class, () -> service.parse(Jwt.issuer(IDP).subject("x").sign(gatewayKeys.getPrivate())));
    }

    @Test
    void theIssuerIsReadOnlyFromAWellFormedToken() {
        assertEquals(GATEWAY, TwoIssuerJwtParser.unverifiedIssuer(Jwt.issuer(GATEWAY).subject("x").sign(idpKeys.getPrivate())));
        assertNull(TwoIssuerJwtParser.unverifiedIssuer("not-a-token"));
        assertNull(TwoIssuerJwtParser.unverifiedIssuer("a.%%%.c"));
        assertNull(TwoIssuerJwtParser.unverifiedIssuer("a." + Base64.getUrlEncoder().encodeToString("{\"iss\":42}".getBytes()) + ".c"));
    }

    private static String pem(KeyPair keys) {
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(keys.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
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
