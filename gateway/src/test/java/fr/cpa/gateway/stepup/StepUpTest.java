package fr.cpa.gateway.stepup;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import fr.cpa.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Spending endpoints need acr substantial or high (catalogue-service is the echo upstream in tests). */
@QuarkusTest
class StepUpTest {

    private static final String CHALLENGE = "Bearer error=\"insufficient_user_authentication\", "
            + "error_description=\"a strong authentication is required to spend rights\", acr_values=\"substantial\"";
    private static final UUID HOLDER = UUID.randomUUID();

    @Test
    void aPurchaseWithoutAcrIsRefusedWithTheStepUpChallenge() {
        given().auth().oauth2(TestTokens.holder(HOLDER)).contentType(ContentType.JSON).body("{}")
                .when().post("/api/v1/enrolments")
                .then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", CHALLENGE)
                .body("title", equalTo("Strong authentication required"));
    }

    @Test
    void aConfirmationWithALowLevelLoginIsRefused() {
        given().auth().oauth2(TestTokens.token("holder", HOLDER.toString()).acr("low").sign())
                .when().post("/api/v1/enrolments/" + UUID.randomUUID() + "/confirm")
                .then().statusCode(401).header("WWW-Authenticate", containsString("insufficient_user_authentication"));
    }

    @Test
    void aPurchaseWithoutAnyTokenIsRefusedToo() {
        given().contentType(ContentType.JSON).body("{}")
                .when().post("/api/v1/enrolments")
                .then().statusCode(401).header("WWW-Authenticate", CHALLENGE);
    }

    @Test
    void aTrailingSlashDoesNotSkipTheStepUp() {
        // Vert.x and the proxy serve /api/v1/enrolments/ as /api/v1/enrolments.
        given().auth().oauth2(TestTokens.holder(HOLDER)).contentType(ContentType.JSON).body("{}")
                .when().post("/api/v1/enrolments/")
                .then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", CHALLENGE);
        given().auth().oauth2(TestTokens.token("holder", HOLDER.toString()).acr("low").sign())
                .when().post("/api/v1/enrolments/" + UUID.randomUUID() + "/confirm/")
                .then().statusCode(401).header("WWW-Authenticate", CHALLENGE);
    }

    @Test
    void spendingC2pPointsWithoutAStrongLoginIsRefused() {
        // hardship-service is down in tests (503 when a request gets through): the 401 is the gateway's.
        given().auth().oauth2(TestTokens.holder(HOLDER)).contentType(ContentType.JSON).body("{\"use\":\"TRAINING\",\"points\":10}")
                .when().post("/api/v1/holders/" + HOLDER + "/c2p/uses")
                .then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", CHALLENGE)
                .body("title", equalTo("Strong authentication required"));
        given().auth().oauth2(TestTokens.token("holder", HOLDER.toString()).acr("low").sign())
                .contentType(ContentType.JSON).body("{}")
                .when().post("/api/v1/holders/" + HOLDER + "/c2p/uses/")
                .then().statusCode(401).header("WWW-Authenticate", CHALLENGE);
    }

    @Test
    void aSubstantialOrHighLoginReachesTheService() {
        for (String acr : new String[] {"substantial", "high"}) {
            given().auth().oauth2(TestTokens.token("holder", HOLDER.toString()).acr(acr).sign())
                    .contentType(ContentType.JSON).body("{}")
                    .when().post("/api/v1/enrolments/" + UUID.randomUUID() + "/confirm")
                    .then().statusCode(200).body("method", equalTo("POST"));
        }
    }

    @Test
    void readingEnrolmentsNeedsNoStepUp() {
        given().auth().oauth2(TestTokens.holder(HOLDER))
                .when().get("/api/v1/holders/" + HOLDER + "/enrolments")
                .then().statusCode(200);
    }

    @Test
    void aStrongLoginSpendsC2pPointsAsFarAsTheService() {
        // Past the step-up, the request goes to hardship-service, which is down here.
        given().auth().oauth2(TestTokens.token("holder", HOLDER.toString()).acr("substantial").sign())
                .contentType(ContentType.JSON).body("{}")
                .when().post("/api/v1/holders/" + HOLDER + "/c2p/uses")
                .then().statusCode(503);
    }
}
