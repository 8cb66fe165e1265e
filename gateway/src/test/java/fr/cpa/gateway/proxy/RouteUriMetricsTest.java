package fr.cpa.gateway.proxy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import fr.cpa.gateway.upstream.UpstreamTestResource;
import fr.cpa.testing.JwtKeysTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(JwtKeysTestResource.class)
@QuarkusTestResource(UpstreamTestResource.class)
class RouteUriMetricsTest {

    @Test
    void requestMetricsAreLabelledByRoutePatternNotByHolder() {
        String holder = UUID.randomUUID().toString();
        given().when().get("/api/v1/holders/" + holder + "/summary").then().statusCode(200);
        given().auth().oauth2("not-a-jwt").when().get("/api/v1/holders/" + holder + "/cpf").then().statusCode(401);

        given().when().get("/q/metrics")
                .then().statusCode(200)
                .body(containsString("uri=\"/api/v1/holders/**\""))
                .body(containsString("uri=\"/api/v1/holders/{id}/cpf/**\""))
                .body(not(containsString(holder)));
    }
}
