package fr.cpa.gateway.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;

/** Whose bucket a verified token's requests take from. */
class RateLimitClientTest {

    @Test
    void theHoldersOfOneAppAreEachTheirOwnClient() {
        String alice = RateLimitFilter.client(token("https://idp.example", "alice", "mobile-app"));
        String bob = RateLimitFilter.client(token("https://idp.example", "bob", "mobile-app"));

        assertNotEquals(alice, bob);
        assertEquals("https://idp.example|alice", alice);
    }

    @Test
    void equalSubjectsOfTwoIssuersAreTwoClients() {
        assertNotEquals(RateLimitFilter.client(token("https://idp.example", "42", null)),
                RateLimitFilter.client(token("https://cpa.example/gateway", "42", null)));
    }

    @Test
    void aGatewayTokenIsItsClientsBucketSinceItsSubjectIsTheClientId() {
        // TokenEndpoint: sub = azp = client_id.
        assertEquals("https://cpa.example/gateway|5b0e-client",
                RateLimitFilter.client(token("https://cpa.example/gateway", "5b0e-client", "5b0e-client")));
    }

    @Test
    void aTokenWithoutSubjectIsLimitedByItsIpOnly() {
        assertNull(RateLimitFilter.client(token("https://idp.example", null, "mobile-app")));
    }

    private static JsonWebToken token(String issuer, String subject, String azp) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer);
        if (subject != null) {
            claims.setSubject(subject);
        }
        if (azp != null) {
            claims.setClaim("azp", azp);
        }
        return new DefaultJWTCallerPrincipal(claims);
    }
}
