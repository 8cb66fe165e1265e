package fr.cpa.hardship.rules;

import java.time.LocalDate;

/**
 * A parameter value with its effective period, both ends included ({@code to} null = still in
 * force), and the legal text it comes from.
 */
public record Dated<T>(LocalDate from, LocalDate to, T value, String source) {

    public boolean covers(LocalDate day) {
        return !day.isBefore(from) && (to == null || !day.isAfter(to));
    }

    /** True if the value is in force on at least one day of {@code year}. */
    public boolean overlaps(int year) {
        return !LocalDate.of(year, 12, 31).isBefore(from) && (to == null || !LocalDate.of(year, 1, 1).isAfter(to));
    }

    public String period() {
        return to == null ? "from " + from : from + " – " + to;
    }
}
