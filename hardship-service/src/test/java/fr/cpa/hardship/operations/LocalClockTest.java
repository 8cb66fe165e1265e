package fr.cpa.hardship.operations;

import fr.cpa.testing.CpaTestResources;
import fr.cpa.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/**
 * platform's {@code /local/clock} stays shut outside the local stack: a service started without
 * {@code cpa.clock.settable=true} answers 404 even to an admin, and the clock cannot be moved.
 */
@QuarkusTest
@QuarkusTestResource(value = CpaTestResources.class, restrictToAnnotatedClass = false)
class LocalClockTest {

    @Test
    void theClockCannotBeMovedWhenTheServiceIsNotOnTheLocalStack() {
        String admin = TestTokens.role("admin", "admin-clock");
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"now\": \"2025-01-01T00:00:00Z\"}")
                .when().put("/local/clock")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(admin).when().get("/local/clock").then().statusCode(404);
        given().auth().oauth2(admin).when().delete("/local/clock").then().statusCode(404);
    }

    @Test
    void onlyAnAdminMayAskTheClock() {
        given().auth().oauth2(TestTokens.holder(UUID.randomUUID())).contentType(ContentType.JSON)
                .body("{\"now\": \"2025-01-01T00:00:00Z\"}")
                .when().put("/local/clock")
                .then().statusCode(403);
        given().when().get("/local/clock").then().statusCode(401);
    }

    @Test
    void theClockEndpointIsNotInTheApiDocument() {
        given().when().get("/q/openapi?format=json").then().statusCode(200).body("paths.'/local/clock'", equalTo(null));
    }
}
