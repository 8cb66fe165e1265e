package fr.cpa.gateway.ratelimit;

/**
 * A token bucket: it holds up to {@code capacity} tokens, refilled continuously at
 * {@code capacity} per {@code periodNanos}; a request takes one token or is refused. So a client may
 * burst up to the capacity, then goes on at the refill rate. Times are {@link System#nanoTime()}.
 */
final class TokenBucket {

    private final long capacity;
    private final double nanosPerToken;
    private double tokens;
    private long updatedAt;

    TokenBucket(long capacity, long periodNanos, long now) {
        if (capacity < 1 || periodNanos < 1) {
            throw new IllegalArgumentException("a bucket needs a capacity and a period of at least 1");
        }
        this.capacity = capacity;
        this.nanosPerToken = (double) periodNanos / capacity;
        this.tokens = capacity;
        this.updatedAt = now;
    }

    /** Takes a token: 0 if there was one, else how many nanoseconds until there is one. */
    synchronized long tryTake(long now) {
        refill(now);
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        return (long) Math.ceil((1 - tokens) * nanosPerToken);
    }

    /** Whether it is back to full, i.e. forgetting it changes nothing. */
    synchronized boolean isFull(long now) {
        refill(now);
        return tokens >= capacity;
    }

    private void refill(long now) {
        long elapsed = now - updatedAt;
        if (elapsed > 0) {
            tokens = Math.min(capacity, tokens + elapsed / nanosPerToken);
            updatedAt = now;
        }
    }
}
