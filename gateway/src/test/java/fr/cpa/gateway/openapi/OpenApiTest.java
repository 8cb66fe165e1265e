package fr.cpa.gateway.openapi;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Account, catalogue and training-rights are the echo upstream (serving a small document); the others are down. */
@QuarkusTest
class OpenApiTest {

    @Test
    void theMergedDocumentHasTheRoutedPathsOfEveryServiceUpAndNamesThoseDown() {
        given().when().get("/openapi")
                .then().statusCode(200).contentType("application/json")
                .body("paths", hasKey("/api/v1/holders/{id}/summary"))
                .body("paths", hasKey("/api/v1/trainings"))
                .body("paths", hasKey("/auth/token"))
                .body("paths", not(hasKey("/internal/reindex")))
                .body("components.schemas", hasKey("Summary"))
                .body("x-cpa-missing-services", containsInAnyOrder("civic-engagement", "hardship"))
                .body("info.description", containsString("civic-engagement (unreachable)"));
    }

    @Test
    void theClientAdministrationEndpointsAreInIt() {
        given().when().get("/openapi")
                .then().statusCode(200)
                .body("paths.'/auth/clients'.keySet()", containsInAnyOrder("post"))
                .body("paths.'/auth/clients/{id}'.keySet()", containsInAnyOrder("parameters", "get", "delete"))
                .body("paths.'/auth/clients/{id}/secret'.keySet()", containsInAnyOrder("parameters", "post"))
                .body("paths.'/auth/clients'.post.summary", containsString("Register"))
                .body("paths.'/auth/clients'.post.description", containsString("Roles: admin"))
                .body("paths.'/auth/clients'.post.security[0]", hasKey("bearer"))
                .body("paths.'/auth/clients'.post.requestBody.content.'application/json'.example.kind", equalTo("employer-payroll"))
                .body("paths.'/auth/clients'.post.responses.'201'.content.'application/json'.example", hasKey("client_secret"))
                .body("paths.'/auth/clients'.post.responses.'400'.content.'application/problem+json'.example.errors[0].field",
                        equalTo("sirets[3]"))
                .body("paths.'/auth/clients/{id}'.get.summary", containsString("Describe"))
                .body("paths.'/auth/clients/{id}'.get.description", containsString("Roles: admin"))
                .body("paths.'/auth/clients/{id}'.get.responses.'200'.content.'application/json'.example", not(hasKey("client_secret")))
                .body("paths.'/auth/clients/{id}'.delete.summary", containsString("Revoke"))
                .body("paths.'/auth/clients/{id}'.delete.description", containsString("Roles: admin"))
                .body("paths.'/auth/clients/{id}'.delete.responses", hasKey("204"))
                .body("paths.'/auth/clients/{id}/secret'.post.summary", containsString("new secret"))
                .body("paths.'/auth/clients/{id}/secret'.post.description", containsString("Roles: admin"))
                .body("paths.'/auth/clients/{id}/secret'.post.responses.'200'.content.'application/json'.example", hasKey("client_secret"));
    }

    @Test
    void theGatewaysSecuritySchemesReplaceTheServicesOwn() {
        given().when().get("/openapi")
                .then().statusCode(200)
                .body("components.securitySchemes.keySet()", containsInAnyOrder("bearer", "clientCredentials"))
                .body("components.securitySchemes.bearer.scheme", equalTo("bearer"))
                .body("components.securitySchemes.clientCredentials.flows.clientCredentials.tokenUrl", equalTo("/auth/token"))
                .body("components.securitySchemes.clientCredentials.flows.clientCredentials.scopes", hasKey("employer"))
                .body("paths.'/api/v1/holders/{id}/summary'.get.security.size()", equalTo(2))
                .body("paths.'/api/v1/holders/{id}/summary'.get.security[0]", hasKey("bearer"));
    }

    @Test
    void swaggerUiIsServedAndReadsTheMergedDocument() {
        given().redirects().follow(true).when().get("/swagger")
                .then().statusCode(200).contentType(containsString("text/html"));
    }
}
