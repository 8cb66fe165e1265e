package fr.cpa.gateway.proxy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.cpa.gateway.upstream.EchoUpstream;
import fr.cpa.gateway.upstream.UpstreamTestResource;
import fr.cpa.testing.JwtKeysTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(JwtKeysTestResource.class)
@QuarkusTestResource(UpstreamTestResource.class)
class ApiProxyTest {

    private static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    private static final int LARGE_BODY = 20 * 1024 * 1024;

    @ConfigProperty(name = "cpa.gateway.proxy.services.account")
    URI account;

    @TestHTTPResource("/api/v1/payslips/upload")
    URI upload;

    @Inject
    ApiProxy proxy;

    @Test
    void requestReachesTheServiceWithMethodPathQueryHeadersAndBodyIntact() {
        String holder = UUID.randomUUID().toString();
        String body = "{\"firstName\":\"Élodie\",\"hours\":151.67}";

        // Sent as written: REST Assured would otherwise encode the % of the query once more.
        given().urlEncodingEnabled(false).header("X-Request-Id", "trace-42").header("X-Custom", "kept")
                .contentType("application/json").body(body)
                .when().put("/api/v1/holders/" + holder + "/profile?view=full&name=a%20b")
                .then().statusCode(200)
                .header("X-Request-Id", "trace-42")
                .header("X-Upstream", "echo")
                .body("method", equalTo("PUT"))
                .body("path", equalTo("/api/v1/holders/" + holder + "/profile"))
                .body("query", equalTo("view=full&name=a%20b"))
                .body("headers.x-custom", equalTo("kept"))
                .body("headers.content-type", equalTo("application/json"))
                .body("headers.x-request-id", equalTo("trace-42"))
                .body("body", equalTo(body));
    }

    @Test
    void aRequestWithoutIdGetsANewOneThatTheServiceSeesToo() {
        Response response = given().when().get("/api/v1/declarations/2026-01");

        response.then().statusCode(200).header("X-Request-Id", matchesPattern(UUID_PATTERN));
        assertEquals(response.header("X-Request-Id"), response.jsonPath().getString("headers.x-request-id"));
    }

    @Test
    void theServiceDateReachesTheClientOnce() {
        Response response = given().when().get("/api/v1/declarations/2026-01");

        response.then().statusCode(200);
        // The echo service (the JDK's HTTP server) dates its answers; the gateway passes that header on.
        assertEquals(1, response.headers().getValues("Date").size(), response.headers().toString());
        ZonedDateTime date = ZonedDateTime.parse(response.header("Date"), DateTimeFormatter.RFC_1123_DATE_TIME);
        assertTrue(Duration.between(date, ZonedDateTime.now()).abs().toSeconds() < 60, date::toString);
    }

    @Test
    void anUnsafeRequestIdIsReplaced() {
        given().header("X-Request-Id", "bad id\twith spaces")
                .when().get("/api/v1/declarations/2026-01")
                .then().statusCode(200).header("X-Request-Id", matchesPattern(UUID_PATTERN));
    }

    @Test
    void theServiceGetsThePathTheRouteWasChosenOn() throws Exception {
        // java.net.http sends the dot segments as they are, where REST Assured would resolve them.
        URI dotted = URI.create(upload.resolve("/") + "api/v1/cpf/../payslips/1");
        HttpRequest request = HttpRequest.newBuilder(dotted).build();
        assertEquals("/api/v1/cpf/../payslips/1", request.uri().getRawPath());

        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

        assertEquals(200, response.statusCode(), response.body());
        assertEquals("/api/v1/payslips/1", new JsonObject(response.body()).getString("path"));
    }

    @Test
    void aLargeBodyIsStreamedToTheServiceNotBuffered() throws Exception {
        long before = bytesReceivedByUpstream();
        AtomicBoolean upstreamHadBytesHalfway = new AtomicBoolean();
        GeneratedBody body = new GeneratedBody(LARGE_BODY, LARGE_BODY / 2,
                () -> upstreamHadBytesHalfway.set(waitForUpstreamBytesAbove(before)));

        JsonObject echo = upload(body);

        assertEquals(LARGE_BODY, echo.getLong("bodyLength"));
        assertEquals(body.sha256(), echo.getString("bodySha256"));
        // A gateway that buffered whole bodies would have sent nothing yet.
        assertTrue(upstreamHadBytesHalfway.get(), "the service received nothing before the client had sent half the body");
    }

    @Test
    void anUploadSlowerThanTheTimeoutIsNotCutShort() throws Exception {
        // Three pauses of 1.5 s: the upload takes longer than the 3 s timeout of the test profile,
        // which only starts once the service has the whole body.
        int length = 4 * 1024 * 1024;
        GeneratedBody body = new GeneratedBody(length, 1024 * 1024, () -> sleep(Duration.ofMillis(1500)));

        JsonObject echo = upload(body);

        assertEquals(length, echo.getLong("bodyLength"));
        assertEquals(body.sha256(), echo.getString("bodySha256"));
    }

    @Test
    void aServiceThatIsNotListeningIs503Problem() {
        // Other tests call civic-engagement too (the dashboard's CEC figures): its breaker must not be open.
        proxy.breaker("civic-engagement").onSuccess();
        given().when().get("/api/v1/cec/balance")
                .then().statusCode(503)
                .contentType("application/problem+json")
                .body("type", equalTo("https://cpa.local/problems/upstream-unavailable"))
                .body("title", equalTo("Service unavailable"))
                .body("status", is(503))
                .body("detail", equalTo("civic-engagement cannot be reached; retry later"));
    }

    @Test
    void aSlowServiceIs504Problem() {
        long start = System.nanoTime();
        given().header(EchoUpstream.DELAY, "20000")
                .when().get("/api/v1/holders/" + UUID.randomUUID())
                .then().statusCode(504)
                .contentType("application/problem+json")
                .body("type", equalTo("https://cpa.local/problems/upstream-timeout"))
                .body("status", is(504))
                .body("detail", equalTo("account did not answer within 3000 ms"));
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() < 15_000, "answered after the timeout, not after the service");
    }

    @Test
    void clientsHangingUpBeforeTheAnswerDoNotOpenTheServiceBreaker() throws Exception {
        proxy.breaker("account").onSuccess(); // other tests make account fail on purpose
        for (int i = 0; i < 5; i++) { // more than the test profile's threshold of 3
            try (Socket client = new Socket(upload.getHost(), upload.getPort())) {
                client.getOutputStream().write(("GET /api/v1/payslips/" + i + " HTTP/1.1\r\nHost: localhost\r\n"
                        + EchoUpstream.DELAY + ": 1000\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                client.getOutputStream().flush();
                sleep(Duration.ofMillis(200));
            }
        }
        sleep(Duration.ofMillis(1500)); // until every abandoned call has ended

        assertEquals(CircuitBreaker.State.CLOSED, proxy.breaker("account").state());
        given().when().get("/api/v1/payslips/7").then().statusCode(200);
    }

    @Test
    void aServiceThatHangsUpIs502Problem() {
        given().header(EchoUpstream.HANG_UP, "yes")
                .when().get("/api/v1/payslips/7")
                .then().statusCode(502)
                .contentType("application/problem+json")
                .body("type", equalTo("https://cpa.local/problems/bad-gateway"));
    }

    @Test
    void anUnknownApiPathIs404Problem() {
        given().header("X-Request-Id", "lost-1")
                .when().get("/api/v1/nothing-here")
                .then().statusCode(404)
                .header("X-Request-Id", "lost-1")
                .contentType("application/problem+json")
                .body("type", equalTo("https://cpa.local/problems/not-found"))
                .body("title", equalTo("Not found"))
                .body("status", is(404))
                .body("detail", equalTo("no resource at /api/v1/nothing-here"))
                .body("errors", nullValue());
    }

    private JsonObject upload(GeneratedBody body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(upload)
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(() -> body), body.length))
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return new JsonObject(response.body());
    }

    private long bytesReceivedByUpstream() {
        try {
            HttpRequest probe = HttpRequest.newBuilder(account.resolve(EchoUpstream.PROBE_PATH)).build();
            return Long.parseLong(HttpClient.newHttpClient().send(probe, HttpResponse.BodyHandlers.ofString()).body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private boolean waitForUpstreamBytesAbove(long before) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if (bytesReceivedByUpstream() > before) {
                return true;
            }
            sleep(Duration.ofMillis(50));
        }
        return false;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** {@code length} bytes of a fixed pattern, running {@code atCheckpoint} every {@code checkpointEvery} bytes. */
    private static final class GeneratedBody extends InputStream {

        final int length;
        private final int checkpointEvery;
        private final Runnable atCheckpoint;
        private int position;

        GeneratedBody(int length, int checkpointEvery, Runnable atCheckpoint) {
            this.length = length;
            this.checkpointEvery = checkpointEvery;
            this.atCheckpoint = atCheckpoint;
        }

        private static byte at(int i) {
            return (byte) (i * 31 + 7);
        }

        String sha256() throws Exception {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (int i = 0; i < length; i++) {
                digest.update(at(i));
            }
            return HexFormat.of().formatHex(digest.digest());
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int max) {
            if (position == length) {
                return -1;
            }
            if (position > 0 && position % checkpointEvery == 0) {
                atCheckpoint.run();
            }
            // Never read across a checkpoint, so that each one runs exactly once, on time.
            int n = Math.min(max, checkpointEvery - position % checkpointEvery);
            n = Math.min(n, length - position);
            for (int i = 0; i < n; i++) {
                buffer[offset + i] = at(position + i);
            }
            position += n;
            return n;
        }
    }
}
