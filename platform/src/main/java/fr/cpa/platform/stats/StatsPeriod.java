package fr.cpa.platform.stats;

import fr.cpa.platform.problem.ProblemException;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * The period of a {@code GET /api/v1/stats/…} time series, from its optional {@code from} and
 * {@code to} query parameters (ISO dates, both included): by default the last 12 months up to today
 * (UTC). A bad date or {@code from} after {@code to} is a 400 problem naming the parameter.
 */
public record StatsPeriod(LocalDate from, LocalDate to) {

    public static final int DEFAULT_MONTHS = 12;

    public static StatsPeriod of(String from, String to, Clock clock) {
        LocalDate end = date("to", to, LocalDate.now(clock));
        LocalDate start = date("from", from, end.minusMonths(DEFAULT_MONTHS).plusDays(1));
        if (start.isAfter(end)) {
            throw ProblemException.invalid("from", "must be on or before to");
        }
        return new StatsPeriod(start, end);
    }

    private static LocalDate date(String name, String value, LocalDate otherwise) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(name, "must be a date (YYYY-MM-DD)");
        }
    }
}
