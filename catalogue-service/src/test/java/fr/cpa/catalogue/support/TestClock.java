package fr.cpa.catalogue.support;

import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * The enrolments' clock in tests: real time until a test sets it, then the day and hour the test says,
 * so that deadlines are crossed by moving the clock, never by waiting. Replaces the service's default
 * clock bean for every {@code @QuarkusTest} of the module (one configuration, one boot).
 */
@Singleton
public class TestClock extends Clock {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static volatile Instant fixed;

    /** From now on, it is 10:00 in Paris on {@code day}. */
    public static void setDay(LocalDate day) {
        fixed = day.atTime(LocalTime.of(10, 0)).atZone(PARIS).toInstant();
    }

    public static void set(Instant instant) {
        fixed = instant;
    }

    public static Instant now() {
        return fixed == null ? Instant.now() : fixed;
    }

    public static void reset() {
        fixed = null;
    }

    @Override
    public ZoneId getZone() {
        return PARIS;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(instant(), zone);
    }

    @Override
    public Instant instant() {
        return now();
    }
}
