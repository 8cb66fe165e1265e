package fr.cpa.hardship.security;

import fr.cpa.testing.CpaTestResources;
import fr.cpa.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.build.Jwt;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Set;

import static io.restassured.RestAssured.given;

/**
 * platform's ServiceJwtParser, as every service runs it: the identity provider's tokens (the
 * standard issuer, the tests' key pair) and the gateway's machine-client tokens
 * ({@code cpa.jwt.gateway.issuer}, set for tests in application.properties, with a key pair of its
 * own) are both accepted, each only with its own signature, whichever comes first; any other issuer
 * is refused.
 */
@QuarkusTest
@QuarkusTestResource(value = CpaTestResources.class, restrictToAnnotatedClass = false)
class TwoIssuersTest {

    private static final String GATEWAY = "https://gateway.cpa.test";

    @Test
    void theIdentityProvidersTokensAreAccepted() {
        given().auth().oauth2(TestTokens.role("admin", "admin-idp"))
                .when().get("/api/v1/stats/c2p").then().statusCode(200);
    }

    @Test
    void theGatewaysTokensAreAccepted() {
        given().auth().oauth2(gatewayToken("client-1"))
                .when().get("/api/v1/stats/c2p").then().statusCode(200);
    }

    @Test
    void bothIssuersAreAcceptedOneAfterTheOtherEachWithItsOwnKeys() {
        // Each issuer's tokens in turn, each with its own keys: neither verification takes the other's keys.
        for (int i = 0; i < 2; i++) {
            given().auth().oauth2(gatewayToken("client-" + i))
                    .when().get("/api/v1/stats/c2p").then().statusCode(200);
            given().auth().oauth2(TestTokens.role("admin", "admin-" + i))
                    .when().get("/api/v1/stats/c2p").then().statusCode(200);
        }
    }

    @Test
    void aTokenClaimingTheProvidersIssuerSignedWithTheGatewaysKeyIsRefused() {
        String token = Jwt.issuer(fr.cpa.testing.JwtKeys.ISSUER).subject("admin-x").groups(Set.of("admin"))
                .expiresIn(Duration.ofMinutes(5)).sign(TestTokens.gatewaySigningKeyLocation());
        given().auth().oauth2(token)
                .when().get("/api/v1/stats/c2p").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void aVerifiedTokenIsStillRefusedWhereItsRoleIsNot() {
        String holder = TestTokens.holder(java.util.UUID.randomUUID());
        given().auth().oauth2(holder).when().get("/api/v1/stats/c2p").then().statusCode(403);
        given().auth().oauth2(holder).when().get("/api/v1/stats/c2p").then().statusCode(403);
    }

    private static String gatewayToken(String subject) {
        return Jwt.issuer(GATEWAY).subject(subject).groups(Set.of("admin")).expiresIn(Duration.ofMinutes(5))
                .sign(TestTokens.gatewaySigningKeyLocation());
    }

    @Test
    void aTokenOfAnotherIssuerIsRefused() {
        given().auth().oauth2(token("https://someone-else.test"))
                .when().get("/api/v1/stats/c2p").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void aTokenClaimingTheGatewaysIssuerSignedWithTheProvidersKeyIsRefused() {
        given().auth().oauth2(token(GATEWAY))
                .when().get("/api/v1/stats/c2p").then().statusCode(401).contentType("application/problem+json");
    }

    /** An admin token of {@code issuer}, signed with the identity provider's key (the tests' usual one). */
    private static String token(String issuer) {
        return Jwt.issuer(issuer).subject("client-1").groups(Set.of("admin")).expiresIn(Duration.ofMinutes(5)).sign();
    }
}
