package fr.cpa.gateway.client;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.cpa.gateway.upstream.UpstreamTestResource;
import fr.cpa.testing.JwtKeys;
import fr.cpa.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.smallrye.jwt.build.Jwt;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jose4j.jws.JsonWebSignature;
import org.junit.jupiter.api.Test;

/**
 * After a rotation of the gateway's signing key, the tokens it signed with the previous key verify at
 * the gateway until they expire, as they do behind it (the services read the same key set at
 * /.well-known/jwks.json). The gateway's issuer differs from the identity provider's here, as in
 * production: its tokens are verified with its own key set, chosen by their kid.
 */
@QuarkusTest
@TestProfile(KeyRotationTest.AfterARotation.class)
class KeyRotationTest {

    static final String GATEWAY_ISSUER = "https://cpa.test/gateway";
    static final String PREVIOUS_KID = "test-0";
    static final String CURRENT_KID = "test-1";

    /** The previous key pair, in a directory of this test JVM: the profile and the tests find the same files. */
    static JwtKeys previousKeys() {
        return JwtKeys.inDirectory(Path.of(System.getProperty("java.io.tmpdir"),
                "cpa-gateway-previous-key-" + ProcessHandle.current().pid()));
    }

    public static class AfterARotation implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            JwtKeys previous = previousKeys();
            // Deleted at exit in the reverse order: the files, then their directory.
            previous.publicKey().getParent().toFile().deleteOnExit();
            previous.privateKey().toFile().deleteOnExit();
            previous.publicKey().toFile().deleteOnExit();
            return Map.of(
                    "smallrye.jwt.new-token.issuer", GATEWAY_ISSUER,
                    "cpa.gateway.tokens.signing-key-id", CURRENT_KID,
                    "cpa.gateway.tokens.previous-public-keys." + PREVIOUS_KID, previous.publicKey().toString());
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(UpstreamTestResource.class));
        }
    }

    private static final String HOLDER_PATH = "/api/v1/holders/" + UUID.randomUUID() + "/summary";

    @Test
    void bothKeysArePublished() {
        given().when().get("/.well-known/jwks.json")
                .then().statusCode(200)
                .body("keys.kid", containsInAnyOrder(CURRENT_KID, PREVIOUS_KID));
    }

    @Test
    void aTokenTheGatewayIssuesNowPasses() throws Exception {
        String token = issuedToken();
        JsonWebSignature jws = new JsonWebSignature();
        jws.setCompactSerialization(token);
        assertEquals(CURRENT_KID, jws.getKeyIdHeaderValue());
        assertEquals(GATEWAY_ISSUER, ClientCredentialsTest.claims(token).getString("iss"));

        given().auth().oauth2(token).when().get(HOLDER_PATH).then().statusCode(200);
    }

    @Test
    void aTokenSignedWithThePreviousKeyPassesUntilItExpires() {
        String token = gatewayToken().jws().keyId(PREVIOUS_KID).sign(previousKeys().privateKey().toString());

        given().auth().oauth2(token).when().get(HOLDER_PATH)
                .then().statusCode(200).body("headers.authorization", equalTo("Bearer " + token));
        // Verified once, then kept: the next request passes too.
        given().auth().oauth2(token).when().get(HOLDER_PATH).then().statusCode(200);
    }

    @Test
    void aTokenSignedWithAnUnknownKeyIsRefused() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        var unknown = generator.generateKeyPair().getPrivate();

        assertRefused(gatewayToken().jws().keyId("test-9").sign(unknown));
        // Naming a published key does not help a token that another key signed.
        assertRefused(gatewayToken().jws().keyId(PREVIOUS_KID).sign(unknown));
        assertRefused(gatewayToken().jws().keyId(CURRENT_KID).sign(unknown));
    }

    @Test
    void aTokenOfThePreviousKeyUnderAnotherKidIsRefused() {
        // The kid chooses the key: the previous key's signature does not verify with the current key.
        assertRefused(gatewayToken().jws().keyId(CURRENT_KID).sign(previousKeys().privateKey().toString()));
    }

    @Test
    void theIdentityProvidersTokensStillPassAndCannotUseThePreviousKey() {
        given().auth().oauth2(TestTokens.holder(UUID.randomUUID())).when().get(HOLDER_PATH).then().statusCode(200);
        // The previous gateway key is the gateway's only: a token of the provider's issuer signed with it is refused.
        assertRefused(Jwt.issuer(JwtKeys.ISSUER).subject(UUID.randomUUID().toString()).groups("holder")
                .expiresIn(Duration.ofMinutes(5)).jws().keyId(PREVIOUS_KID).sign(previousKeys().privateKey().toString()));
    }

    private static io.smallrye.jwt.build.JwtClaimsBuilder gatewayToken() {
        return Jwt.issuer(GATEWAY_ISSUER).subject("payroll-client-" + UUID.randomUUID()).groups("employer")
                .claim("sirets", List.of("73282932000074")).expiresIn(Duration.ofMinutes(5));
    }

    private static String issuedToken() {
        JsonPath registered = given().auth().oauth2(TestTokens.role("admin", "admin-1")).contentType(ContentType.JSON)
                .body(new JsonObject().put("name", "Paie après rotation").put("kind", "employer-payroll")
                        .put("scopes", List.of("employer")).put("sirets", List.of("73282932000074")).encode())
                .when().post("/auth/clients")
                .then().statusCode(201).extract().jsonPath();
        return given().contentType(ContentType.URLENC).formParam("grant_type", "client_credentials")
                .formParam("client_id", registered.getString("client_id"))
                .formParam("client_secret", registered.getString("client_secret"))
                .when().post("/auth/token")
                .then().statusCode(200).extract().path("access_token");
    }

    private static void assertRefused(String token) {
        given().auth().oauth2(token).when().get(HOLDER_PATH)
                .then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer error=\"invalid_token\"");
    }
}
