package fr.cpa.gateway.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** RFC 6749 §2.3.1, §3.2 and §4.4.2 on the reading of a token request. */
class TokenRequestTest {

    private static final String FORM = "application/x-www-form-urlencoded";
    private static final Map<String, List<String>> GRANT = Map.of("grant_type", List.of("client_credentials"));

    @Test
    void basicCredentialsAreFormUrlDecoded() {
        // §2.3.1: id and secret are form-urlencoded before being joined by ':' and base64-encoded.
        String header = "Basic " + Base64.getEncoder().encodeToString("my%3Aclient:s%2Bcret".getBytes(StandardCharsets.UTF_8));

        TokenRequest request = ok(TokenRequest.parse(FORM, header, GRANT));

        assertEquals("my:client", request.clientId());
        assertEquals("s+cret", request.clientSecret());
        assertTrue(request.basic());
        assertEquals(Optional.empty(), request.scopes());
    }

    @Test
    void formCredentialsAndScopesAreRead() {
        TokenRequest request = ok(TokenRequest.parse(FORM + "; charset=UTF-8", null, Map.of(
                "grant_type", List.of("client_credentials"), "client_id", List.of("c"), "client_secret", List.of("s"),
                "scope", List.of("employer  catalogue:read"))));

        assertEquals(Optional.of(Set.of("employer", "catalogue:read")), request.scopes());
    }

    @Test
    void bothAuthenticationMethodsAtOnceAreInvalidRequest() {
        String header = "Basic " + Base64.getEncoder().encodeToString("c:s".getBytes(StandardCharsets.UTF_8));

        assertError("invalid_request", TokenRequest.parse(FORM, header, Map.of(
                "grant_type", List.of("client_credentials"), "client_secret", List.of("s"))));
    }

    @Test
    void aRepeatedParameterIsInvalidRequest() {
        assertError("invalid_request", TokenRequest.parse(FORM, null, Map.of(
                "grant_type", List.of("client_credentials", "client_credentials"))));
    }

    @Test
    void noCredentialsIsInvalidClient() {
        assertError("invalid_client", TokenRequest.parse(FORM, null, GRANT));
        assertError("invalid_client", TokenRequest.parse(FORM, "Basic !!not-base64", GRANT));
    }

    @Test
    void anEmptyGrantTypeCountsAsMissing() {
        assertError("invalid_request", TokenRequest.parse(FORM, null, Map.of("grant_type", List.of(""))));
    }

    @Test
    void authorizationCodeIsUnsupported() {
        assertError("unsupported_grant_type", TokenRequest.parse(FORM, null, Map.of("grant_type", List.of("authorization_code"))));
    }

    @Test
    void aJsonBodyIsInvalidRequest() {
        assertError("invalid_request", TokenRequest.parse("application/json", null, GRANT));
    }

    private static TokenRequest ok(TokenRequest.Parsed parsed) {
        return assertInstanceOf(TokenRequest.Ok.class, parsed).request();
    }

    private static void assertError(String error, TokenRequest.Parsed parsed) {
        assertEquals(error, assertInstanceOf(TokenRequest.Failed.class, parsed).error().error());
    }
}
