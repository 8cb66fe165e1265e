package fr.cpa.platform.stats;

import fr.cpa.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class StatsPeriodTest {

    private static final Clock NOV_26 = Clock.fixed(Instant.parse("2026-11-26T10:00:00Z"), ZoneOffset.UTC);

    @Test
    void byDefaultTheLastTwelveMonthsUpToToday() {
        assertEquals(new StatsPeriod(LocalDate.of(2025, 11, 27), LocalDate.of(2026, 11, 26)), StatsPeriod.of(null, " ", NOV_26));
    }

    @Test
    void aGivenEndMovesTheDefaultStart() {
        assertEquals(new StatsPeriod(LocalDate.of(2025, 4, 1), LocalDate.of(2026, 3, 31)), StatsPeriod.of(null, "2026-03-31", NOV_26));
    }

    @Test
    void oneDayIsAPeriodButFromAfterToIsRefused() {
        assertEquals(new StatsPeriod(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 2)), StatsPeriod.of("2026-03-02", "2026-03-02", NOV_26));
        assertThrows(ProblemException.class, () -> StatsPeriod.of("2026-03-03", "2026-03-02", NOV_26));
    }

    @Test
    void aBadDateIsRefused() {
        assertThrows(ProblemException.class, () -> StatsPeriod.of("2026-02-30", null, NOV_26));
        assertThrows(ProblemException.class, () -> StatsPeriod.of(null, "yesterday", NOV_26));
    }
}
