package fr.cpa.platform.time;

import jakarta.enterprise.inject.Typed;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * "Now" for the legal rules of every service: French time (closed years, declaration windows and
 * working days end at midnight in Paris), normally the system's. On the local stack only
 * ({@code cpa.clock.settable=true}) it can be moved, so that a demonstration or an end-to-end test can
 * play a whole year (declare in 2025, run the year in January 2026, declare volunteering in March) on a
 * suite started today. The shift is kept here, not in the database: a restarted service is back on time.
 */
@Singleton
@Typed(SuiteClock.class) // injected as Clock through Clocks, which tests may replace
public class SuiteClock extends Clock {

    public static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private volatile Duration shift = Duration.ZERO;

    @Override
    public ZoneId getZone() {
        return PARIS;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.offset(Clock.system(zone), shift);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(shift);
    }

    /** From now on, time runs from {@code now} at the normal pace. */
    void moveTo(Instant now) {
        shift = Duration.between(Instant.now(), now);
    }

    void reset() {
        shift = Duration.ZERO;
    }

    boolean moved() {
        return !shift.isZero();
    }
}
