package fr.cpa.gateway.proxy;

import java.time.Duration;

/**
 * A circuit breaker for one upstream service: after {@code threshold} consecutive failures (not
 * reachable, too slow, hung up) it opens and calls fail fast for {@code coolDown}, so that a dead
 * service does not hold the gateway's connections and its clients' time. Then one trial call is let
 * through (half-open): its success closes the breaker, its failure opens it again. Times are
 * {@link System#nanoTime()}.
 */
final class CircuitBreaker {

    enum State { CLOSED, OPEN, HALF_OPEN }

    private final int threshold;
    private final long coolDownNanos;
    private int consecutiveFailures;
    private State state = State.CLOSED;
    private long openUntil;

    CircuitBreaker(int threshold, Duration coolDown) {
        if (threshold < 1) {
            throw new IllegalArgumentException("the failure threshold must be at least 1");
        }
        this.threshold = threshold;
        this.coolDownNanos = coolDown.toNanos();
    }

    /** Whether a call may go through now; past the cool-down, only the first caller (the trial) may. */
    synchronized boolean allow(long now) {
        switch (state) {
            case CLOSED:
                return true;
            case OPEN:
                if (now - openUntil >= 0) {
                    state = State.HALF_OPEN;
                    return true;
                }
                return false;
            default:
                return false; // a trial is under way
        }
    }

    /** How long until a call may be tried again; zero when closed. */
    synchronized Duration retryAfter(long now) {
        return state == State.CLOSED ? Duration.ZERO : Duration.ofNanos(Math.max(0, openUntil - now));
    }

    synchronized void onSuccess() {
        consecutiveFailures = 0;
        state = State.CLOSED;
    }

    synchronized void onFailure(long now) {
        consecutiveFailures++;
        if (state == State.HALF_OPEN || consecutiveFailures >= threshold) {
            state = State.OPEN;
            openUntil = now + coolDownNanos;
        }
    }

    /**
     * A call its client gave up on: neither a success nor a failure of the service. Were it the
     * trial, the breaker would wait for it forever; the next call is tried instead.
     */
    synchronized void onAbandoned(long now) {
        if (state == State.HALF_OPEN) {
            state = State.OPEN;
            openUntil = now;
        }
    }

    synchronized State state() {
        return state;
    }
}
