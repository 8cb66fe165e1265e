package fr.cpa.gateway.security;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.cpa.gateway.upstream.UpstreamTestResource;
import fr.cpa.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Production verifies the identity provider's tokens with keys downloaded from its JWKS URL. A token
 * seen for the first time may need that download: it must not stall the event loop, which serves
 * every other connection meanwhile. One event loop here, so that a stalled loop would show.
 */
@QuarkusTest
@TestProfile(SlowJwksTest.OneEventLoopAndARemoteJwks.class)
class SlowJwksTest {

    public static class OneEventLoopAndARemoteJwks implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.vertx.event-loops-pool-size", "1", "quarkus.http.io-threads", "1");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(SlowJwksTestResource.class), new TestResourceEntry(UpstreamTestResource.class));
        }
    }

    private static final String HOLDER_PATH = "/api/v1/holders/" + UUID.randomUUID() + "/summary";

    @Test
    void otherRequestsGoOnWhileATokensKeysDownload() throws Exception {
        String token = TestTokens.holder(UUID.randomUUID());
        CompletableFuture<Integer> firstSeen = CompletableFuture.supplyAsync(
                () -> given().auth().oauth2(token).when().get(HOLDER_PATH).statusCode());
        Thread.sleep(500); // the gateway has the token and is fetching the JWKS

        long start = System.nanoTime();
        given().when().get(HOLDER_PATH).then().statusCode(200);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertFalse(firstSeen.isDone(), "the first token is still being verified");
        assertTrue(took.toMillis() < SlowJwksTestResource.DELAY_MS / 2,
                "a request without a token waited " + took.toMillis() + " ms for another's verification");
        assertEquals(200, firstSeen.get(2 * SlowJwksTestResource.DELAY_MS, TimeUnit.MILLISECONDS));
        // Verified once: the next request with it is answered from the cache, without a download.
        long again = System.nanoTime();
        given().auth().oauth2(token).when().get(HOLDER_PATH).then().statusCode(200);
        assertTrue(Duration.ofNanos(System.nanoTime() - again).toMillis() < SlowJwksTestResource.DELAY_MS / 2);
    }
}
