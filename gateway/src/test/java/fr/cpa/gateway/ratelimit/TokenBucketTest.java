package fr.cpa.gateway.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TokenBucketTest {

    private static final long MINUTE = TimeUnit.MINUTES.toNanos(1);

    @Test
    void aFullBucketLetsABurstOfItsCapacityThroughThenRefuses() {
        TokenBucket bucket = new TokenBucket(3, MINUTE, 0);

        assertEquals(0, bucket.tryTake(0));
        assertEquals(0, bucket.tryTake(0));
        assertEquals(0, bucket.tryTake(0));
        // 3 per minute: one token every 20 s.
        assertEquals(TimeUnit.SECONDS.toNanos(20), bucket.tryTake(0));
    }

    @Test
    void tokensComeBackAtTheRefillRate() {
        TokenBucket bucket = new TokenBucket(3, MINUTE, 0);
        for (int i = 0; i < 3; i++) {
            bucket.tryTake(0);
        }
        long twentySeconds = TimeUnit.SECONDS.toNanos(20);
        long oneMilliBefore = twentySeconds - TimeUnit.MILLISECONDS.toNanos(1);

        long wait = bucket.tryTake(oneMilliBefore);
        // A millisecond, give or take the rounding of the fractional token.
        assertTrue(Math.abs(wait - TimeUnit.MILLISECONDS.toNanos(1)) <= 1, "waited " + wait);
        assertEquals(0, bucket.tryTake(twentySeconds));
        assertTrue(bucket.tryTake(twentySeconds) > 0);
    }

    @Test
    void aBucketNeverHoldsMoreThanItsCapacity() {
        TokenBucket bucket = new TokenBucket(2, MINUTE, 0);
        long anHourLater = 60 * MINUTE;

        assertEquals(0, bucket.tryTake(anHourLater));
        assertEquals(0, bucket.tryTake(anHourLater));
        assertTrue(bucket.tryTake(anHourLater) > 0);
    }

    @Test
    void itIsFullAgainOnceAWholePeriodHasRefilledIt() {
        TokenBucket bucket = new TokenBucket(2, MINUTE, 0);
        bucket.tryTake(0);

        assertFalse(bucket.isFull(MINUTE / 2 - 1));
        assertTrue(bucket.isFull(MINUTE / 2));
    }
}
