package fr.cpa.gateway.ratelimit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.cpa.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * The search rule of the test profile allows 2 requests per client and 4 per IP an hour; no other
 * test calls its paths.
 */
@QuarkusTest
class RateLimitTest {

    @Test
    void aClientThenAnIpOverTheSearchLimitGet429WithRetryAfter() {
        String app = TestTokens.role("service", "search-app");
        for (int i = 0; i < 2; i++) {
            given().auth().oauth2(app).when().get("/api/v1/trainings?q=soudure").then().statusCode(not(429));
        }
        String clientWait = given().auth().oauth2(app).when().get("/api/v1/trainings?q=soudure")
                .then().statusCode(429).contentType("application/problem+json")
                .body("detail", containsString("per client"))
                .extract().header("Retry-After");
        assertTrue(Long.parseLong(clientWait) > 0 && Long.parseLong(clientWait) <= 1800, clientWait);

        // The two requests that passed took two of the IP's four tokens.
        for (int i = 0; i < 2; i++) {
            given().when().get("/api/v1/jobs").then().statusCode(not(429));
        }
        String ipWait = given().when().get("/api/v1/trainings")
                .then().statusCode(429).contentType("application/problem+json")
                .body("detail", containsString("per ip"))
                .extract().header("Retry-After");
        assertTrue(Long.parseLong(ipWait) > 0 && Long.parseLong(ipWait) <= 900, ipWait);
    }
}
