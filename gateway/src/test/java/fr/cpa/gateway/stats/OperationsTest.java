package fr.cpa.gateway.stats;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.cpa.gateway.upstream.StandInFigures;
import fr.cpa.gateway.upstream.UpstreamTestResource;
import fr.cpa.testing.JwtKeysTestResource;
import fr.cpa.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Account, catalogue and training-rights are stand-ins serving fixed figures
 * (src/test/resources/stand-in); hardship and civic-engagement are ports where nothing listens.
 */
@QuarkusTest
@QuarkusTestResource(JwtKeysTestResource.class)
@QuarkusTestResource(UpstreamTestResource.class)
class OperationsTest {

    @Test
    void anAdvisorGetsEveryServicesFiguresMergedAndTheServicesDownAsUnreachable() {
        JsonPath answer = given().auth().oauth2(TestTokens.role("advisor", "advisor-1"))
                .when().get("/api/v1/stats/operations")
                .then().statusCode(200).contentType("application/json")
                .body("services.route", equalTo(List.of(
                        "account", "catalogue", "civic-engagement", "hardship", "training-rights")))
                .body("services.status", equalTo(List.of("UP", "UP", "UNREACHABLE", "UNREACHABLE", "UP")))
                .body("services[2].service", equalTo("civic-engagement-service"))
                .body("services[2].reason", equalTo("unreachable"))
                .extract().jsonPath();

        // The services' own answers, passed on whole (they got the caller's token: without one they answer 401).
        JsonObject account = new JsonObject(answer.getMap("services[0]"));
        JsonObject expected = StandInFigures.operations("account").put("route", "account").put("status", "UP");
        assertEquals(expected, account);
        assertEquals(4, answer.getInt("services[0].deadLetters[0].records"));
        assertEquals("training-rights-service", answer.getString("services[4].service"));
    }

    @Test
    void anAdminMayReadThemToo() {
        given().auth().oauth2(TestTokens.role("admin", "admin-1"))
                .when().get("/api/v1/stats/operations")
                .then().statusCode(200).body("services.size()", is(5));
    }

    @Test
    void aHolderIsRefusedByTheGatewayItself() {
        given().auth().oauth2(TestTokens.holder(UUID.randomUUID()))
                .when().get("/api/v1/stats/operations")
                .then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("https://cpa.local/problems/forbidden"));
    }

    @Test
    void withoutTokenIs401Problem() {
        given().when().get("/api/v1/stats/operations")
                .then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer");
    }

    @Test
    void theServicesStatsEndpointsAreProxiedToTheirOwners() {
        String advisor = TestTokens.role("advisor", "advisor-1");
        JsonObject accounts = new JsonObject(given().auth().oauth2(advisor).when().get("/api/v1/stats/accounts")
                .then().statusCode(200).extract().asString());
        JsonObject cpf = new JsonObject(given().auth().oauth2(advisor).when().get("/api/v1/stats/cpf")
                .then().statusCode(200).extract().asString());
        JsonObject catalogue = new JsonObject(given().auth().oauth2(advisor).when().get("/api/v1/stats/catalogue")
                .then().statusCode(200).extract().asString());

        assertEquals(StandInFigures.stats("account"), accounts);
        assertEquals(StandInFigures.stats("training-rights"), cpf);
        assertEquals(StandInFigures.stats("catalogue"), catalogue);
        given().auth().oauth2(advisor).when().get("/api/v1/stats/c2p").then().statusCode(503);
    }
}
