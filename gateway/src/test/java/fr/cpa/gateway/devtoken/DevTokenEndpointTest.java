package fr.cpa.gateway.devtoken;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import fr.cpa.gateway.upstream.UpstreamTestResource;
import fr.cpa.testing.JwtKeysTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.auth.principal.JWTParser;
import jakarta.inject.Inject;
import jakarta.json.JsonString;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(JwtKeysTestResource.class)
@QuarkusTestResource(UpstreamTestResource.class)
class DevTokenEndpointTest {

    @Inject
    JWTParser parser;

    @Test
    void aHolderTokenCarriesTheRequestedClaimsAndIsAcceptedByTheGateway() throws Exception {
        String holder = UUID.randomUUID().toString();

        String token = given().contentType("application/json")
                .body("{\"role\":\"holder\",\"subject\":\"" + holder + "\",\"acr\":\"substantial\"}")
                .when().post("/auth/dev-token")
                .then().statusCode(200)
                .contentType("application/json")
                .header("Cache-Control", "no-store")
                .body("token_type", equalTo("Bearer"))
                .body("expires_in", is(3600))
                .body("access_token", notNullValue())
                .extract().path("access_token");

        // The parser verifies signature and issuer as the gateway and the services do.
        JsonWebToken jwt = parser.parse(token);
        assertEquals("https://cpa.local", jwt.getIssuer());
        assertEquals(holder, jwt.getSubject());
        assertEquals(Set.of("holder"), jwt.getGroups());
        assertEquals("substantial", text(jwt, "acr"));
        assertNull(jwt.getClaim("siret"));
        assertEquals(3600, jwt.getExpirationTime() - jwt.getIssuedAtTime());

        given().auth().oauth2(token)
                .when().get("/api/v1/holders/" + holder + "/summary")
                .then().statusCode(200)
                .body("headers.authorization", equalTo("Bearer " + token));
    }

    @Test
    void anEmployerTokenCarriesItsSiret() throws Exception {
        String token = given().contentType("application/json")
                .body("{\"role\":\"employer\",\"siret\":\"73282932000074\"}")
                .when().post("/auth/dev-token")
                .then().statusCode(200)
                .extract().path("access_token");

        JsonWebToken jwt = parser.parse(token);
        assertEquals(Set.of("employer"), jwt.getGroups());
        assertEquals("73282932000074", text(jwt, "siret"));
        assertEquals("demo-employer", jwt.getSubject());
    }

    @Test
    void anAssociationTokenCarriesItsRna() throws Exception {
        String token = given().contentType("application/json")
                .body("{\"role\":\"association\",\"subject\":\"validator-1\",\"rna\":\"W751234567\"}")
                .when().post("/auth/dev-token")
                .then().statusCode(200)
                .extract().path("access_token");

        JsonWebToken jwt = parser.parse(token);
        assertEquals("W751234567", text(jwt, "rna"));
        assertEquals("validator-1", jwt.getSubject());
    }

    /** A custom claim's text, whether the parser hands it over as a String or as a JsonString. */
    private static String text(JsonWebToken jwt, String claim) {
        Object value = jwt.getClaim(claim);
        return value instanceof JsonString json ? json.getString() : String.valueOf(value);
    }

    @Test
    void anUnknownRoleIs400NamingRole() {
        given().contentType("application/json")
                .body("{\"role\":\"superuser\"}")
                .when().post("/auth/dev-token")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://cpa.local/problems/validation"))
                .body("status", is(400))
                .body("errors", hasSize(1))
                .body("errors[0].field", equalTo("role"))
                .body("errors[0].message", equalTo("must be one of holder, employer, training-org, association, advisor, admin, service"));
    }

    @Test
    void aHolderTokenNeedsAUuidSubject() {
        given().contentType("application/json")
                .body("{\"role\":\"holder\",\"subject\":\"alice\",\"siret\":\"123\"}")
                .when().post("/auth/dev-token")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("subject"))
                .body("errors.field", hasItem("siret"))
                .body("detail", equalTo("2 fields are invalid"));
    }

    @Test
    void aBodyThatIsNotJsonIs400Problem() {
        given().contentType("application/json")
                .body("role=holder")
                .when().post("/auth/dev-token")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://cpa.local/problems/malformed-json"));
    }
}
