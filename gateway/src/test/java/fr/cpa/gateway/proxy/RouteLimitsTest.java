package fr.cpa.gateway.proxy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.cpa.gateway.upstream.EchoUpstream;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Per-route limits (the catalogue route of the test profile: 1 KiB bodies, 1 s to answer), the
 * circuit breaker (hardship is a closed port: 3 failures open it for 2 s), CORS and security headers.
 */
@QuarkusTest
class RouteLimitsTest {

    @TestHTTPResource("/")
    URI gateway;

    @Inject
    ApiProxy proxy;

    @Test
    void aDeclaredBodyOverTheRouteLimitIs413Problem() {
        given().contentType("application/octet-stream").body(new byte[1025])
                .when().put("/api/v1/enrolments/" + UUID.randomUUID())
                .then().statusCode(413).contentType("application/problem+json")
                .body("type", equalTo("https://cpa.local/problems/payload-too-large"));
    }

    @Test
    void aBodyAtTheRouteLimitGoesThrough() {
        given().contentType("application/octet-stream").body(new byte[1024])
                .when().put("/api/v1/enrolments/" + UUID.randomUUID())
                .then().statusCode(200).body("bodyLength", equalTo(1024));
    }

    @Test
    void aChunkedBodyOverTheRouteLimitIs413Problem() throws Exception {
        // An InputStream of unknown length is sent chunked: the limit is enforced while streaming.
        HttpRequest request = HttpRequest.newBuilder(gateway.resolve("/api/v1/enrolments/" + UUID.randomUUID()))
                .PUT(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(new byte[64 * 1024])))
                .build();

        // HTTP/1.1: the JDK client would otherwise try HTTP/2, which has no chunked encoding.
        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request, HttpResponse.BodyHandlers.ofString());

        assertEquals(413, response.statusCode(), response.body());
    }

    @Test
    void theRouteTimeoutReplacesTheGlobalOne() {
        given().header(EchoUpstream.DELAY, "2000")
                .when().get("/api/v1/holders/" + UUID.randomUUID() + "/recommendations")
                .then().statusCode(504)
                .body("detail", equalTo("catalogue did not answer within 1000 ms"));
    }

    @Test
    void aServiceThatKeepsFailingIsCutOffThenTriedAgainAfterTheCoolDown() throws Exception {
        // Other tests call hardship too (the dashboard's C2P figures): start from a closed breaker.
        proxy.breaker("hardship").onSuccess();
        String path = "/api/v1/holders/" + UUID.randomUUID() + "/c2p";
        for (int i = 0; i < 3; i++) {
            given().when().get(path).then().statusCode(503)
                    .body("type", equalTo("https://cpa.local/problems/upstream-unavailable"));
        }
        given().when().get(path).then().statusCode(503)
                .body("type", equalTo("https://cpa.local/problems/circuit-open"))
                .header("Retry-After", not(nullValue()));

        Thread.sleep(2_100);
        // The trial call reaches for the service again, fails, and opens the breaker for another cool-down.
        given().when().get(path).then().statusCode(503)
                .body("type", equalTo("https://cpa.local/problems/upstream-unavailable"));
        given().when().get(path).then().statusCode(503)
                .body("type", equalTo("https://cpa.local/problems/circuit-open"));
    }

    @Test
    void securityHeadersAreOnProxiedAnswersAndOnTheGatewaysOwn() {
        for (String path : new String[] {"/api/v1/holders/" + UUID.randomUUID() + "/summary", "/nowhere"}) {
            given().when().get(path)
                    .then().header("X-Content-Type-Options", "nosniff")
                    .header("X-Frame-Options", "DENY")
                    .header("Content-Security-Policy", "frame-ancestors 'none'")
                    .header("Referrer-Policy", "no-referrer")
                    // Plain HTTP: HSTS would be meaningless (RFC 6797 §7.2).
                    .header("Strict-Transport-Security", nullValue());
        }
    }

    @Test
    void httpsAsForwardedByTheLoadBalancerGetsHsts() {
        given().header("X-Forwarded-Proto", "https")
                .when().get("/api/v1/holders/" + UUID.randomUUID() + "/summary")
                .then().header("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    }

    @Test
    void authAnswersAreNeverCached() {
        given().when().post("/auth/token")
                .then().header("Cache-Control", "no-store");
        given().when().get("/auth/clients/x")
                .then().header("Cache-Control", "no-store");
    }

    @Test
    void corsIsAnsweredForAConfiguredOriginOnly() {
        given().header("Origin", "https://app.example.test").header("Access-Control-Request-Method", "POST")
                .when().options("/api/v1/holders/x")
                .then().header("Access-Control-Allow-Origin", "https://app.example.test");
        given().header("Origin", "https://evil.example").header("Access-Control-Request-Method", "POST")
                .when().options("/api/v1/holders/x")
                .then().header("Access-Control-Allow-Origin", nullValue());
    }
}
