package fr.cpa.gateway.client;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.cpa.gateway.upstream.UpstreamTestResource;
import fr.cpa.testing.CpaTestResources;
import fr.cpa.testing.JwtKeys;
import fr.cpa.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.smallrye.jwt.build.Jwt;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jws.JsonWebSignature;
import org.junit.jupiter.api.Test;

/** POST /auth/token (RFC 6749 §4.4), the admin endpoints of clients and the JWKS, on a real PostgreSQL. */
@QuarkusTest
@QuarkusTestResource(value = CpaTestResources.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(UpstreamTestResource.class)
class ClientCredentialsTest {

    private static final String ADMIN = TestTokens.role("admin", "admin-1");
    private static final String SIRET_A = "73282932000074";
    private static final String SIRET_B = "55208131766522";

    @Test
    void anEmployerPayrollSystemGetsAShortLivedTokenBoundToItsSirets() {
        Map<String, String> client = register(employer());

        JsonPath answer = given().auth().preemptive().basic(client.get("client_id"), client.get("client_secret"))
                .contentType(ContentType.URLENC).formParam("grant_type", "client_credentials")
                .when().post("/auth/token")
                .then().statusCode(200)
                .header("Cache-Control", "no-store")
                .body("token_type", equalTo("Bearer"))
                .body("expires_in", equalTo(300))
                .body("scope", equalTo("employer"))
                .extract().jsonPath();

        JsonObject claims = claims(answer.getString("access_token"));
        assertEquals(client.get("client_id"), claims.getString("sub"));
        assertEquals(client.get("client_id"), claims.getString("azp"));
        assertEquals(List.of("employer"), claims.getJsonArray("groups").getList());
        assertEquals(List.of(SIRET_A, SIRET_B), claims.getJsonArray("sirets").getList());
        assertEquals("https://cpa.local", claims.getString("iss"));
        assertEquals(300, claims.getLong("exp") - claims.getLong("iat"));
    }

    @Test
    void clientCredentialsAreAlsoAcceptedAsFormParameters() {
        Map<String, String> client = register(new JsonObject().put("name", "Organisme de formation").put("kind", "training-organisation")
                .put("scopes", List.of("training-org", "catalogue:read")).put("sirets", List.of(SIRET_A)));

        String token = token(client.get("client_id"), client.get("client_secret"), "training-org");

        JsonObject claims = claims(token);
        assertEquals(SIRET_A, claims.getString("siret"));
        assertEquals("training-org", claims.getString("scope"));
        assertEquals(List.of("training-org"), claims.getJsonArray("groups").getList());
    }

    @Test
    void aWrongSecretIsInvalidClient401() {
        Map<String, String> client = register(employer());

        given().auth().preemptive().basic(client.get("client_id"), "wrong-" + client.get("client_secret"))
                .contentType(ContentType.URLENC).formParam("grant_type", "client_credentials")
                .when().post("/auth/token")
                .then().statusCode(401)
                .header("WWW-Authenticate", "Basic realm=\"cpa\"")
                .header("Cache-Control", "no-store")
                .body("error", equalTo("invalid_client"));
    }

    @Test
    void anUnknownClientIsInvalidClient401() {
        formToken("no-such-client", "whatever", null).then().statusCode(401).body("error", equalTo("invalid_client"));
    }

    @Test
    void aRevokedClientGetsNoMoreTokens() {
        Map<String, String> client = register(employer());
        token(client.get("client_id"), client.get("client_secret"), null);

        given().auth().oauth2(ADMIN).when().delete("/auth/clients/" + client.get("client_id")).then().statusCode(204);

        formToken(client.get("client_id"), client.get("client_secret"), null)
                .then().statusCode(401).body("error", equalTo("invalid_client"));
        given().auth().oauth2(ADMIN).when().get("/auth/clients/" + client.get("client_id"))
                .then().statusCode(200).body("revoked_at", notNullValue());
        given().auth().oauth2(ADMIN).when().post("/auth/clients/" + client.get("client_id") + "/secret")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void aRotatedSecretReplacesTheOldOneAtOnce() {
        Map<String, String> client = register(employer());

        String newSecret = given().auth().oauth2(ADMIN)
                .when().post("/auth/clients/" + client.get("client_id") + "/secret")
                .then().statusCode(200).body("client_id", equalTo(client.get("client_id")))
                .extract().path("client_secret");

        formToken(client.get("client_id"), client.get("client_secret"), null).then().statusCode(401);
        token(client.get("client_id"), newSecret, null);
    }

    @Test
    void theIssuedTokenIsAcceptedAtTheEdgeAndPassedOn() {
        Map<String, String> client = register(employer());
        String token = token(client.get("client_id"), client.get("client_secret"), null);

        given().auth().oauth2(token)
                .when().get("/api/v1/declarations/2026-01")
                .then().statusCode(200)
                .body("headers.authorization", equalTo("Bearer " + token));
    }

    @Test
    void theIssuedTokenVerifiesWithThePublishedJwks() throws Exception {
        Map<String, String> client = register(employer());
        String token = token(client.get("client_id"), client.get("client_secret"), null);

        String jwks = given().when().get("/.well-known/jwks.json")
                .then().statusCode(200).contentType("application/jwk-set+json")
                .body("keys.kid", hasItem("test-1"))
                .body("keys[0].kty", equalTo("RSA"))
                .body("keys[0].d", equalTo(null))
                .extract().asString();

        JsonWebSignature jws = new JsonWebSignature();
        jws.setCompactSerialization(token);
        assertEquals("test-1", jws.getKeyIdHeaderValue());
        jws.setKey(new JsonWebKeySet(jwks).findJsonWebKey("test-1", "RSA", "sig", "RS256").getKey());
        assertEquals(true, jws.verifySignature());
    }

    @Test
    void aScopeTheClientDoesNotHaveIsInvalidScope() {
        Map<String, String> client = register(employer());

        formToken(client.get("client_id"), client.get("client_secret"), "employer service")
                .then().statusCode(400).body("error", equalTo("invalid_scope"));
    }

    @Test
    void anotherGrantTypeIsUnsupportedGrantType() {
        given().contentType(ContentType.URLENC).formParam("grant_type", "password")
                .formParam("username", "u").formParam("password", "p")
                .when().post("/auth/token")
                .then().statusCode(400).body("error", equalTo("unsupported_grant_type"));
    }

    @Test
    void aMissingGrantTypeOrAJsonBodyIsInvalidRequest() {
        given().contentType(ContentType.URLENC).formParam("client_id", "x").formParam("client_secret", "y")
                .when().post("/auth/token")
                .then().statusCode(400).body("error", equalTo("invalid_request"));
        given().contentType(ContentType.JSON).body("{\"grant_type\":\"client_credentials\"}")
                .when().post("/auth/token")
                .then().statusCode(400).body("error", equalTo("invalid_request"));
    }

    @Test
    void registrationNamesEveryBadField() {
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(new JsonObject().put("name", "").put("kind", "employer-payroll")
                        .put("scopes", List.of("employer", "admin")).put("rna", "W12").encode())
                .when().post("/auth/clients")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("name", "scopes[1]", "rna", "sirets", "rna"));
    }

    @Test
    void anEmployerPayrollSystemMayBeBoundToTwoHundredSirets() {
        // 200 SIRETs and their separators are 2 999 characters: more than the first schema's varchar(2000).
        List<String> sirets = new ArrayList<>();
        for (int i = 0; i < ClientRegistration.MAX_SIRETS; i++) {
            sirets.add(withCheckDigit(String.format("7328293200%03d", i)));
        }
        Map<String, String> client = register(new JsonObject().put("name", "Paie d'un grand groupe").put("kind", "employer-payroll")
                .put("scopes", List.of("employer")).put("sirets", sirets));

        given().auth().oauth2(ADMIN).when().get("/auth/clients/" + client.get("client_id"))
                .then().statusCode(200).body("sirets", equalTo(sirets));
        String token = token(client.get("client_id"), client.get("client_secret"), null);
        assertEquals(sirets, claims(token).getJsonArray("sirets").getList());
    }

    @Test
    void aSiretWithAWrongCheckDigitIsRefusedByItsIndex() {
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(new JsonObject().put("name", "Paie Groupe Exemple").put("kind", "employer-payroll").put("scopes", List.of("employer"))
                        // The last one is SIRET_A with its last digit changed.
                        .put("sirets", List.of(SIRET_A, SIRET_B, "78959578200051", "73282932000075")).encode())
                .when().post("/auth/clients")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("sirets[3]"))
                .body("detail", equalTo("sirets[3]: is not a SIRET: its check digit is wrong"));
        // A training organisation's one SIRET too.
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(new JsonObject().put("name", "Organisme").put("kind", "training-organisation")
                        .put("scopes", List.of("training-org")).put("sirets", List.of("78959578200052")).encode())
                .when().post("/auth/clients")
                .then().statusCode(400).body("errors.field", contains("sirets[0]"));
    }

    @Test
    void aThirdPartyAppMayHaveReadScopesOnly() {
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(new JsonObject().put("name", "Appli").put("kind", "third-party")
                        .put("scopes", List.of("catalogue:read", "employer")).encode())
                .when().post("/auth/clients")
                .then().statusCode(400).body("errors.field", contains("scopes[1]"));
    }

    @Test
    void onlyAdminsManageClients() {
        given().contentType(ContentType.JSON).body(employer().encode())
                .when().post("/auth/clients")
                .then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.role("advisor", "agent-7")).contentType(ContentType.JSON).body(employer().encode())
                .when().post("/auth/clients")
                .then().statusCode(403).contentType("application/problem+json");
        // A valid token with no roles at all (no groups claim) is refused the same way.
        String noRoles = Jwt.issuer(JwtKeys.ISSUER).subject("app-without-roles").sign();
        given().auth().oauth2(noRoles).contentType(ContentType.JSON).body(employer().encode())
                .when().post("/auth/clients")
                .then().statusCode(403).contentType("application/problem+json");
    }

    /** {@code thirteen} digits and the Luhn digit that completes them (the SIRET checksum). */
    private static String withCheckDigit(String thirteen) {
        int sum = 0;
        for (int i = 0; i < thirteen.length(); i++) {
            // From the right of the 14-digit number, the check digit being position 0: odd positions are doubled.
            int d = thirteen.charAt(thirteen.length() - 1 - i) - '0';
            if (i % 2 == 0) {
                d = d * 2 > 9 ? d * 2 - 9 : d * 2;
            }
            sum += d;
        }
        return thirteen + (10 - sum % 10) % 10;
    }

    private static JsonObject employer() {
        return new JsonObject().put("name", "Paie Groupe Exemple").put("kind", "employer-payroll")
                .put("scopes", List.of("employer")).put("sirets", List.of(SIRET_A, SIRET_B));
    }

    private static Map<String, String> register(JsonObject registration) {
        JsonPath answer = given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(registration.encode())
                .when().post("/auth/clients")
                .then().statusCode(201)
                .body("client_secret", notNullValue())
                .extract().jsonPath();
        return Map.of("client_id", answer.getString("client_id"), "client_secret", answer.getString("client_secret"));
    }

    private static String token(String clientId, String secret, String scope) {
        return formToken(clientId, secret, scope).then().statusCode(200).extract().path("access_token");
    }

    private static io.restassured.response.Response formToken(String clientId, String secret, String scope) {
        var request = given().contentType(ContentType.URLENC).formParam("grant_type", "client_credentials")
                .formParam("client_id", clientId).formParam("client_secret", secret);
        if (scope != null) {
            request.formParam("scope", scope);
        }
        return request.when().post("/auth/token");
    }

    static JsonObject claims(String token) {
        return new JsonObject(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8));
    }
}
