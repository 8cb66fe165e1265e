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
            new RateLimiter.Rule("token", List.of(PathPattern.parse("/auth/token")),
                    null, new RateLimiter.Limit(1, Duration.ofMinutes(1))),
            new RateLimiter.Rule("default", List.of(PathPattern.parse("/**")),
                    null, new RateLimiter.Limit(100, Duration.ofMinutes(1)))));

    @Test
    void theFirstMatchingRuleLimitsEachClient() {
        assertTrue(limiter.checkClient("/api/v1/trainings", "app-1", 0).isEmpty());
        assertTrue(limiter.checkClient("/api/v1/trainings/42", "app-1", 0).isEmpty());

        RateLimiter.Refusal refusal = limiter.checkClient("/api/v1/trainings", "app-1", 0).orElseThrow();
        assertEquals("search", refusal.rule());
        assertEquals("client", refusal.limitedBy());
        assertEquals(30, refusal.retryAfterSeconds());
        // Another client has its own bucket.
        assertTrue(limiter.checkClient("/api/v1/trainings", "app-2", 0).isEmpty());
    }

    @Test
    void eachIpHasItsBucketWhateverTheClient() {
        for (int i = 0; i < 3; i++) {
            assertTrue(limiter.checkIp("/api/v1/trainings", "10.0.0.2", 0).isEmpty());
        }
        RateLimiter.Refusal refusal = limiter.checkIp("/api/v1/trainings", "10.0.0.2", 0).orElseThrow();
        assertEquals("ip", refusal.limitedBy());
        assertEquals(20, refusal.retryAfterSeconds());
        assertTrue(limiter.checkIp("/api/v1/trainings", "10.0.0.3", 0).isEmpty());
        // Other paths fall under the default rule's buckets.
        assertTrue(limiter.checkIp("/api/v1/holders/x", "10.0.0.2", 0).isEmpty());
    }

    @Test
    void aTrailingSlashFallsUnderTheSameRule() {
        assertTrue(limiter.checkIp("/auth/token", "10.0.0.4", 0).isEmpty());
        RateLimiter.Refusal refusal = limiter.checkIp("/auth/token/", "10.0.0.4", 0).orElseThrow();
        assertEquals("token", refusal.rule());
    }

    @Test
    void aRuleWithoutAPerClientLimitLimitsNoClient() {
        for (int i = 0; i < 5; i++) {
            assertTrue(limiter.checkClient("/auth/token", "app-1", 0).isEmpty());
        }
    }

    @Test
    void retryAfterIsRoundedUpToAWholeSecondAndIsAtLeastOne() {
        assertEquals(1, new RateLimiter.Refusal("r", "ip", Duration.ofMillis(1)).retryAfterSeconds());
        assertEquals(2, new RateLimiter.Refusal("r", "ip", Duration.ofMillis(1001)).retryAfterSeconds());
        assertEquals(1, new RateLimiter.Refusal("r", "ip", Duration.ofSeconds(1)).retryAfterSeconds());
    }

    @Test
    void sweepingForgetsOnlyBucketsThatAreFullAgain() {
        limiter.checkClient("/api/v1/trainings", "app-1", 0);
        limiter.checkIp("/api/v1/trainings", "10.0.0.1", 0);
        assertEquals(2, limiter.size());

        limiter.sweep(Duration.ofSeconds(29).toNanos());
        assertEquals(1, limiter.size());
        limiter.sweep(Duration.ofSeconds(30).toNanos());
        assertEquals(0, limiter.size());
    }
}
