package fr.cpa.civic.clock;

import fr.cpa.platform.time.SuiteClock;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The tests' clock: replaces the service's default {@link Clock} bean so that a test can put "today"
 * on either side of a window's edge. Runs on the system clock until {@link #today(LocalDate)} is called.
 */
@Singleton
public class SettableClock extends Clock {

    private volatile Instant fixed;

    /** Noon in Paris on {@code day}. */
    public void today(LocalDate day) {
        fixed = day.atTime(12, 0).atZone(SuiteClock.PARIS).toInstant();
    }

    public void reset() {
        fixed = null;
    }

    @Override
    public ZoneId getZone() {
        return SuiteClock.PARIS;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(instant(), zone);
    }

    @Override
    public Instant instant() {
        Instant at = fixed;
        return at == null ? Instant.now() : at;
    }
}
