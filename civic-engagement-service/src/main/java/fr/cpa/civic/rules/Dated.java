package fr.cpa.civic.rules;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** A parameter value with its effective period, {@code from} and {@code until} included ({@code until} null: still in force). */
public record Dated<T>(LocalDate from, LocalDate until, T value) {

    public Dated {
        if (from == null || value == null || (until != null && until.isBefore(from))) {
            throw new IllegalArgumentException("a dated value needs a value and a period from <= until");
        }
    }

    boolean covers(LocalDate day) {
        return !day.isBefore(from) && (until == null || !day.isAfter(until));
    }

    /** The value in force on {@code day} in {@code table}, if any. */
    static <T> Optional<T> at(List<Dated<T>> table, LocalDate day) {
        return table.stream().filter(row -> row.covers(day)).map(Dated::value).findFirst();
    }
}
