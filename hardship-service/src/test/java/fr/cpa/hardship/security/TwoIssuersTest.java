package fr.cpa.hardship.security;

import fr.cpa.testing.CpaTestResources;
import fr.cpa.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.build.Jwt;
import org.junit.jupiter.api.Test;

import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.time.Duration;
import java.util.Set;

import static io.restassured.RestAssured.given;

/**
 * platform's TwoIssuerJwtParser, as every service runs it: the identity provider's tokens (the
 * standard issuer) and the gateway's machine-client tokens ({@code cpa.jwt.gateway.issuer}, set for
 * tests in application.properties) are both accepted, each only with its own signature; any other
 * issuer is refused.
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
        given().auth().oauth2(token(GATEWAY, null))
                .when().get("/api/v1/stats/c2p").then().statusCode(200);
    }

    @Test
    void aTokenOfAnotherIssuerIsRefused() {
        given().auth().oauth2(token("https://someone-else.test", null))
                .when().get("/api/v1/stats/c2p").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void aTokenClaimingTheGatewaysIssuerWithAnotherKeyIsRefused() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        given().auth().oauth2(token(GATEWAY, generator.generateKeyPair().getPrivate()))
                .when().get("/api/v1/stats/c2p").then().statusCode(401).contentType("application/problem+json");
    }

    /** An admin token of {@code issuer}, signed with the tests' key unless {@code key} is given. */
    private static String token(String issuer, PrivateKey key) {
        var claims = Jwt.issuer(issuer).subject("client-1").groups(Set.of("admin")).expiresIn(Duration.ofMinutes(5));
        return key == null ? claims.sign() : claims.sign(key);
    }
}
