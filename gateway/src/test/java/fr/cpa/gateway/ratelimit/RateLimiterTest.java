package fr.cpa.gateway.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.cpa.gateway.proxy.PathPattern;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private final RateLimiter limiter = new RateLimiter(List.of(
            new RateLimiter.Rule("search", List.of(PathPattern.parse("/api/v1/trainings/**")),
                    new RateLimiter.Limit(2, Duration.ofMinutes(1)), new RateLimiter.Limit(3, Duration.ofMinutes(1))),
            new RateLimiter.Rule("default", List.of(PathPattern.parse("/**")),
                    null, new RateLimiter.Limit(100, Duration.ofMinutes(1)))));

    @Test
    void theFirstMatchingRuleLimitsEachClient() {
        assertTrue(limiter.check("/api/v1/trainings", "app-1", "10.0.0.1", 0).isEmpty());
        assertTrue(limiter.check("/api/v1/trainings/42", "app-1", "10.0.0.1", 0).isEmpty());

        RateLimiter.Refusal refusal = limiter.check("/api/v1/trainings", "app-1", "10.0.0.1", 0).orElseThrow();
        assertEquals("search", refusal.rule());
        assertEquals("client", refusal.limitedBy());
        assertEquals(30, refusal.retryAfterSeconds());
        // Another client from the same address still has its own bucket, the IP one has a token left.
        assertTrue(limiter.check("/api/v1/trainings", "app-2", "10.0.0.1", 0).isEmpty());
    }

    @Test
    void anonymousCallersAreLimitedByTheirIp() {
        for (int i = 0; i < 3; i++) {
            assertTrue(limiter.check("/api/v1/trainings", null, "10.0.0.2", 0).isEmpty());
        }
        RateLimiter.Refusal refusal = limiter.check("/api/v1/trainings", null, "10.0.0.2", 0).orElseThrow();
        assertEquals("ip", refusal.limitedBy());
        assertEquals(20, refusal.retryAfterSeconds());
        // Other paths fall under the default rule's buckets.
        assertTrue(limiter.check("/api/v1/holders/x", null, "10.0.0.2", 0).isEmpty());
    }

    @Test
    void retryAfterIsRoundedUpToAWholeSecondAndIsAtLeastOne() {
        assertEquals(1, new RateLimiter.Refusal("r", "ip", Duration.ofMillis(1)).retryAfterSeconds());
        assertEquals(2, new RateLimiter.Refusal("r", "ip", Duration.ofMillis(1001)).retryAfterSeconds());
        assertEquals(1, new RateLimiter.Refusal("r", "ip", Duration.ofSeconds(1)).retryAfterSeconds());
    }

    @Test
    void sweepingForgetsOnlyBucketsThatAreFullAgain() {
        limiter.check("/api/v1/trainings", "app-1", "10.0.0.1", 0);
        assertEquals(2, limiter.size());

        limiter.sweep(Duration.ofSeconds(29).toNanos());
        assertEquals(1, limiter.size());
        limiter.sweep(Duration.ofSeconds(30).toNanos());
        assertEquals(0, limiter.size());
    }
}
