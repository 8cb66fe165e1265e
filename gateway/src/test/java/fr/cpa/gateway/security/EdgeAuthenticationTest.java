package fr.cpa.gateway.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;

import fr.cpa.gateway.upstream.UpstreamTestResource;
import fr.cpa.testing.JwtKeys;
import fr.cpa.testing.JwtKeysTestResource;
import fr.cpa.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.build.Jwt;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(JwtKeysTestResource.class)
@QuarkusTestResource(UpstreamTestResource.class)
class EdgeAuthenticationTest {

    private static final String HOLDER_PATH = "/api/v1/holders/" + UUID.randomUUID() + "/summary";

    @Test
    void aValidTokenPassesAndReachesTheService() {
        String token = TestTokens.holder(UUID.randomUUID());

        given().auth().oauth2(token)
                .when().get(HOLDER_PATH)
                .then().statusCode(200)
                .body("headers.authorization", equalTo("Bearer " + token));
    }

    @Test
    void aBodySentWithATokenSeenForTheFirstTimeArrivesWhole() throws Exception {
        // A new token is verified on a worker thread; the body that arrives meanwhile must wait for the proxy.
        String token = TestTokens.holder(UUID.randomUUID());
        byte[] body = new byte[512 * 1024];
        new Random(7).nextBytes(body);

        given().auth().oauth2(token).contentType("application/octet-stream").body(body)
                .when().post(HOLDER_PATH)
                .then().statusCode(200)
                .body("bodyLength", is(body.length))
                .body("bodySha256", equalTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body))));
    }

    @Test
    void noTokenPasses() {
        // Public endpoints exist (simulations, catalogue search): each service decides.
        given().when().get(HOLDER_PATH).then().statusCode(200);
    }

    @Test
    void aMalformedTokenIs401Problem() {
        assertRefused("not-a-jwt");
    }

    @Test
    void aTokenSignedWithAnotherKeyIs401Problem() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String forged = Jwt.issuer(JwtKeys.ISSUER).subject(UUID.randomUUID().toString()).groups("admin")
                .sign(generator.generateKeyPair().getPrivate());

        assertRefused(forged);
    }

    @Test
    void anExpiredTokenIs401Problem() {
        Instant twoHoursAgo = Instant.now().minusSeconds(7200);
        String expired = Jwt.issuer(JwtKeys.ISSUER).subject(UUID.randomUUID().toString()).groups("holder")
                .issuedAt(twoHoursAgo).expiresAt(twoHoursAgo.plusSeconds(3600)).sign();

        assertRefused(expired);
    }

    @Test
    void aTokenOfAnotherIssuerIs401Problem() {
        String foreign = Jwt.issuer("https://elsewhere.example").subject(UUID.randomUUID().toString()).groups("holder").sign();

        assertRefused(foreign);
    }

    @Test
    void aBadTokenIsRefusedOnPublicPathsToo() {
        given().auth().oauth2("not-a-jwt")
                .when().get("/q/health/live")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void aRefusalFromABrowserAppCarriesTheSecurityAndCorsHeaders() {
        // The refusal comes after the security headers and CORS: the page of an allowed origin (the test
        // profile's) can read it.
        given().auth().oauth2("not-a-jwt").header("Origin", "https://app.example.test")
                .when().get(HOLDER_PATH)
                .then().statusCode(401)
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .header("Referrer-Policy", "no-referrer")
                .header("Access-Control-Allow-Origin", "https://app.example.test")
                .header("Access-Control-Expose-Headers", containsString("WWW-Authenticate"));
    }

    @Test
    void theSchemeIsReadWhateverItsCase() {
        // RFC 7235: "bearer" is the same scheme as "Bearer".
        given().header("Authorization", "bearer not-a-jwt")
                .when().get(HOLDER_PATH)
                .then().statusCode(401).contentType("application/problem+json");
        String token = TestTokens.holder(UUID.randomUUID());
        given().header("Authorization", "BEARER " + token)
                .when().get(HOLDER_PATH)
                .then().statusCode(200);
    }

    @Test
    void anotherSchemeIsLeftToTheService() {
        // Not a bearer token: nothing for the edge to verify; the service refuses it if it must.
        given().header("Authorization", "Basic dXNlcjpwYXNz")
                .when().get(HOLDER_PATH)
                .then().statusCode(200)
                .body("headers.authorization", equalTo("Basic dXNlcjpwYXNz"));
    }

    private static void assertRefused(String token) {
        given().auth().oauth2(token).header("X-Request-Id", "refused-1")
                .when().get(HOLDER_PATH)
                .then().statusCode(401)
                .header("WWW-Authenticate", equalTo("Bearer error=\"invalid_token\""))
                .header("X-Request-Id", "refused-1")
                .contentType("application/problem+json")
                .body("type", equalTo("https://cpa.local/problems/unauthorized"))
                .body("title", equalTo("Unauthorized"))
                .body("status", is(401))
                .body("detail", equalTo("the bearer token is invalid or expired"));
    }
}
