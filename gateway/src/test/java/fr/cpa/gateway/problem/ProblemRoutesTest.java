package fr.cpa.gateway.problem;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import fr.cpa.gateway.upstream.UpstreamTestResource;
import fr.cpa.testing.JwtKeysTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(JwtKeysTestResource.class)
@QuarkusTestResource(UpstreamTestResource.class)
class ProblemRoutesTest {

    @Test
    void aPathOutsideTheApiIs404Problem() {
        given().when().get("/nowhere")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("https://cpa.local/problems/not-found"))
                .body("instance", equalTo("/nowhere"));
    }

    @Test
    void healthAndMetricsAreStillServed() {
        given().when().get("/q/health/live").then().statusCode(200);
        given().when().get("/q/health/ready").then().statusCode(200);
        given().when().get("/q/metrics").then().statusCode(200);
    }
}
