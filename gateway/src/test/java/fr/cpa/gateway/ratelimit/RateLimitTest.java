package fr.cpa.gateway.ratelimit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.cpa.testing.JwtKeys;
import fr.cpa.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.jwt.build.Jwt;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The search rule of the test profile allows 2 requests per client and 4 per IP an hour; no other
 * test calls its paths. The tests that need an IP of their own send it in {@code X-Forwarded-For},
 * which the gateway believes from 127.0.0.1 (the test profile's trusted proxy), as it believes the
 * load balancer's in production.
 */
@QuarkusTest
class RateLimitTest {

    /** Documentation addresses (RFC 5737, 203.0.113.0/24), one per request or per test: each starts with full buckets. */
    private static final AtomicInteger NEXT_IP = new AtomicInteger(1);

    @Inject
    RateLimitConfig config;

    @Test
    void aClientThenAnIpOverTheSearchLimitGet429WithRetryAfter() {
        String app = TestTokens.role("service", "search-app");
        for (int i = 0; i < 2; i++) {
            given().auth().oauth2(app).when().get("/api/v1/trainings?q=soudure").then().statusCode(not(429));
        }
        String clientWait = given().auth().oauth2(app).when().get("/api/v1/trainings?q=soudure")
                .then().statusCode(429).contentType("application/problem+json")
                .body("detail", containsString("per client"))
                .extract().header("Retry-After");
        assertTrue(Long.parseLong(clientWait) > 0 && Long.parseLong(clientWait) <= 1800, clientWait);

        // The three requests took three of the IP's four tokens, the refused one too: the IP is
        // counted before the token is even verified.
        given().when().get("/api/v1/jobs").then().statusCode(not(429));
        String ipWait = given().when().get("/api/v1/trainings")
                .then().statusCode(429).contentType("application/problem+json")
                .body("detail", containsString("per ip"))
                .extract().header("Retry-After");
        assertTrue(Long.parseLong(ipWait) > 0 && Long.parseLong(ipWait) <= 900, ipWait);
    }

    @Test
    void theHoldersOfOneAppHaveABucketEach() {
        // An identity provider puts its front-end app's client id in azp on every holder's token.
        String alice = holderOfTheApp("mobile-app");
        String bob = holderOfTheApp("mobile-app");
        for (int i = 0; i < 2; i++) {
            search(alice).then().statusCode(200);
        }
        search(alice).then().statusCode(429).body("detail", containsString("per client"));

        search(bob).then().statusCode(200);
    }

    @Test
    void aFloodOfBadTokensFromOneIpGets429BeforeItsTokensAreVerified() {
        String ip = nextIp();
        long capacity = perIpCapacity("search");
        for (long i = 0; i < capacity; i++) {
            given().auth().oauth2("forged-" + i).header("X-Forwarded-For", ip)
                    .when().get("/api/v1/trainings")
                    .then().statusCode(401);
        }

        String wait = given().auth().oauth2("forged-again").header("X-Forwarded-For", ip)
                .header("Origin", "https://app.example.test")
                .when().get("/api/v1/trainings")
                .then().statusCode(429).contentType("application/problem+json")
                .body("status", equalTo(429))
                .body("detail", containsString("the search limit per ip"))
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .header("Referrer-Policy", "no-referrer")
                .header("Access-Control-Allow-Origin", "https://app.example.test")
                .extract().header("Retry-After");
        assertTrue(Long.parseLong(wait) > 0, wait);
        // Another address is not held back by this one's flood.
        given().auth().oauth2("forged").header("X-Forwarded-For", nextIp())
                .when().get("/api/v1/trainings")
                .then().statusCode(401);
    }

    @Test
    void aTrailingSlashDoesNotLiftTheTokenEndpointsLimit() {
        String ip = nextIp();
        long capacity = perIpCapacity("token");
        for (long i = 0; i < capacity; i++) {
            given().header("X-Forwarded-For", ip).contentType(ContentType.URLENC).formParam("grant_type", "client_credentials")
                    .when().post(i % 2 == 0 ? "/auth/token/" : "/auth/token")
                    .then().statusCode(not(429));
        }

        // The bucket refills (capacity a minute) while the loop runs, slower on a loaded machine: a few more
        // tries on the slashed path, far quicker than the refill, must meet the limit.
        io.restassured.response.Response refused = null;
        for (int extra = 0; extra < 10 && refused == null; extra++) {
            io.restassured.response.Response answer = given().header("X-Forwarded-For", ip).contentType(ContentType.URLENC)
                    .formParam("grant_type", "client_credentials").when().post("/auth/token/");
            if (answer.statusCode() == 429) {
                refused = answer;
            }
        }
        assertTrue(refused != null, "POST /auth/token/ never met the token limit per IP");
        refused.then().contentType("application/problem+json")
                .body("detail", containsString("the token limit per ip"))
                .header("Retry-After", not(equalTo(null)));
    }

    /** A search from an address of its own, so that only the client's bucket can refuse it. */
    private static io.restassured.response.Response search(String token) {
        return given().auth().oauth2(token).header("X-Forwarded-For", nextIp()).when().get("/api/v1/trainings");
    }

    private static String holderOfTheApp(String azp) {
        return Jwt.issuer(JwtKeys.ISSUER).subject(UUID.randomUUID().toString()).groups(Set.of("holder"))
                .claim("azp", azp).expiresIn(Duration.ofHours(1)).sign();
    }

    private static String nextIp() {
        return "203.0.113." + NEXT_IP.getAndIncrement();
    }

    private long perIpCapacity(String rule) {
        return config.rules().stream().filter(r -> r.name().equals(rule)).findFirst().orElseThrow()
                .perIp().orElseThrow().capacity();
    }
}
