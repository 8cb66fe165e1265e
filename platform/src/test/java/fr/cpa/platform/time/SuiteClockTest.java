package fr.cpa.platform.time;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SuiteClockTest {

    @Test
    void runsOnSystemTimeInParisUntilMoved() {
        SuiteClock clock = new SuiteClock();
        assertEquals(SuiteClock.PARIS, clock.getZone());
        assertFalse(clock.moved());
        assertTrue(Duration.between(Instant.now(), clock.instant()).abs().toSeconds() < 2);
    }

    @Test
    void movedTimeKeepsRunningFromTheNewInstant() throws InterruptedException {
        SuiteClock clock = new SuiteClock();
        Instant target = Instant.parse("2026-01-15T09:00:00Z");
        clock.moveTo(target);
        Thread.sleep(20);
        Duration ahead = Duration.between(target, clock.instant());
        assertTrue(!ahead.isNegative() && ahead.toSeconds() < 2, "time goes on from the moved instant: " + ahead);
        assertTrue(clock.moved());
    }

    @Test
    void lateEveningUtcIsAlreadyTomorrowInParis() {
        SuiteClock clock = new SuiteClock();
        clock.moveTo(Instant.parse("2025-12-31T23:30:00Z"));
        assertEquals(LocalDate.of(2026, 1, 1), LocalDate.now(clock));
        assertEquals(LocalDate.of(2025, 12, 31), LocalDate.now(clock.withZone(ZoneOffset.UTC)));
    }

    @Test
    void resetGoesBackToSystemTime() {
        SuiteClock clock = new SuiteClock();
        clock.moveTo(Instant.parse("2020-01-01T00:00:00Z"));
        clock.reset();
        assertFalse(clock.moved());
        assertTrue(Duration.between(Instant.now(), clock.instant()).abs().toSeconds() < 2);
    }
}
