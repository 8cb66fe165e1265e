package fr.cpa.e2e;

import fr.cpa.localstack.LocalStack;
import fr.cpa.localstack.Options;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/**
 * Starts the whole suite once for all e2e test classes (local-stack on free ports, in a temporary
 * folder) and stops it when the test JVM ends. Tests talk only to the gateway.
 */
public class SuiteExtension implements BeforeAllCallback {

    private static LocalStack stack;

    @Override
    public synchronized void beforeAll(ExtensionContext context) {
        if (stack == null) {
            Path repo = Path.of("..").toAbsolutePath().normalize();
            try {
                Path data = Files.createTempDirectory("cpa-e2e-");
                stack = LocalStack.start(Options.isolated(repo, data));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            // the stack's own shutdown hook stops every child process when the JVM exits
            RestAssured.baseURI = stack.gatewayUrl();
        }
    }

    static LocalStack stack() {
        return stack;
    }

    /** A demo token from the gateway's local profile. */
    static String token(String role, String subject) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("role", role);
        if (subject != null) {
            body.put("subject", subject);
        }
        return token(body);
    }

    /** A demo token with these claims (role, subject, and siret or rna for the bound roles). */
    static String token(Map<String, Object> claims) {
        return given().contentType(ContentType.JSON).body(claims)
                .when().post("/auth/dev-token")
                .then().statusCode(200)
                .extract().path("access_token");
    }

    /**
     * Waits until every event written so far has been delivered: no service has an outbox backlog and
     * no consumer group lags behind its topics (each service's operations figures).
     */
    static void awaitEventsDelivered() {
        String admin = token("admin", "drain-e2e");
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(2)).until(() -> {
            for (String service : SuiteClocks.SERVICES) {
                Map<String, Object> figures = given().baseUri(stack.serviceUrl(service)).auth().oauth2(admin)
                        .when().get("/api/v1/stats/operations").then().statusCode(200).extract().path("");
                if (((Number) figures.get("outboxBacklog")).longValue() > 0) {
                    return false;
                }
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> lags = (List<Map<String, Object>>) figures.get("consumerLag");
                if (lags.stream().anyMatch(l -> ((Number) l.get("lag")).longValue() > 0)) {
                    return false;
                }
            }
            return true;
        });
    }
}
