package fr.cpa.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every endpoint a service serves under /api/v1 is reachable through the gateway: the merged OpenAPI
 * holds only the paths the gateway's route table sends to their service, so a path of a service's own
 * document missing from it is an endpoint nobody outside can call (the ledger's invariant endpoint
 * was one, found by the enrolment scenario).
 */
@ExtendWith(SuiteExtension.class)
class EveryEndpointIsRoutedE2ETest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyServicesApiPathIsInTheGatewaysMergedDocument() throws Exception {
        JsonNode merged = JSON.readTree(given().accept(ContentType.JSON).when().get("/openapi")
                .then().statusCode(200).extract().asString()).path("paths");
        List<String> unrouted = new ArrayList<>();
        int seen = 0;
        for (String service : List.of("account", "training-rights", "hardship", "civic-engagement", "catalogue")) {
            JsonNode own = JSON.readTree(given().baseUri(SuiteExtension.stack().serviceUrl(service)).accept(ContentType.JSON)
                    .when().get("/q/openapi?format=json").then().statusCode(200).extract().asString()).path("paths");
            for (String path : (Iterable<String>) own::fieldNames) {
                if (path.startsWith("/api/v1/")) {
                    seen++;
                    if (!merged.has(path)) {
                        unrouted.add(service + " " + path);
                    }
                }
            }
        }
        assertTrue(seen > 40, "only " + seen + " paths read from the services");
        assertTrue(unrouted.isEmpty(), "served by a service but not routed by the gateway: " + unrouted);
    }
}
