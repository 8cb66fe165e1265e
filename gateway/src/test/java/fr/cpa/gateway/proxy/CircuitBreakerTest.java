package fr.cpa.gateway.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class CircuitBreakerTest {

    private static final long COOL_DOWN = Duration.ofSeconds(10).toNanos();

    private final CircuitBreaker breaker = new CircuitBreaker(3, Duration.ofSeconds(10));

    @Test
    void itOpensOnTheThresholdthConsecutiveFailureNotBefore() {
        breaker.onFailure(0);
        breaker.onFailure(0);
        assertTrue(breaker.allow(0));

        breaker.onFailure(0);
        assertFalse(breaker.allow(0));
        assertEquals(Duration.ofSeconds(10), breaker.retryAfter(0));
    }

    @Test
    void anAbandonedCallCountsForNothingAndAnAbandonedTrialLetsTheNextCallTry() {
        breaker.onFailure(0);
        breaker.onFailure(0);
        breaker.onAbandoned(0);
        assertTrue(breaker.allow(0));

        trip();
        assertTrue(breaker.allow(COOL_DOWN));
        breaker.onAbandoned(COOL_DOWN);
        assertTrue(breaker.allow(COOL_DOWN), "the next call is the trial");
        assertFalse(breaker.allow(COOL_DOWN));
    }

    @Test
    void aSuccessResetsTheCount() {
        breaker.onFailure(0);
        breaker.onFailure(0);
        breaker.onSuccess();
        breaker.onFailure(0);
        breaker.onFailure(0);

        assertTrue(breaker.allow(0));
    }

    @Test
    void afterTheCoolDownOneTrialGoesThroughAndItsSuccessCloses() {
        trip();
        assertFalse(breaker.allow(COOL_DOWN - 1));

        assertTrue(breaker.allow(COOL_DOWN));
        assertFalse(breaker.allow(COOL_DOWN), "only one trial at a time");
        breaker.onSuccess();

        assertEquals(CircuitBreaker.State.CLOSED, breaker.state());
        assertTrue(breaker.allow(COOL_DOWN));
    }

    @Test
    void aFailedTrialOpensItForAnotherCoolDown() {
        trip();
        assertTrue(breaker.allow(COOL_DOWN));

        breaker.onFailure(COOL_DOWN);

        assertFalse(breaker.allow(2 * COOL_DOWN - 1));
        assertTrue(breaker.allow(2 * COOL_DOWN));
    }

    private void trip() {
        for (int i = 0; i < 3; i++) {
            breaker.onFailure(0);
        }
    }
}
