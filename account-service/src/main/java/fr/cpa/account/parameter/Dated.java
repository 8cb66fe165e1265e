package fr.cpa.account.parameter;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A value of a rule with the period it is in force: {@code from} inclusive, {@code to} inclusive or
 * null while it lasts. The law changes, accounts carry history from 2015 on, so every parameter of a
 * rule is one of these, picked for the day being checked (DOMAIN.md, introduction).
 */
public record Dated<T>(T value, LocalDate from, LocalDate to) {

    public Dated {
        Objects.requireNonNull(from, "from");
        if (to != null && to.isBefore(from)) {
            throw new IllegalArgumentException("a parameter's period ends before it starts");
        }
    }

    public static <T> Dated<T> since(LocalDate from, T value) {
        return new Dated<>(value, from, null);
    }

    public boolean inForceOn(LocalDate day) {
        return !day.isBefore(from) && (to == null || !day.isAfter(to));
    }

    /** The value in force on {@code day} among {@code table}, if any. */
    public static <T> Optional<T> on(List<Dated<T>> table, LocalDate day) {
        return table.stream().filter(d -> d.inForceOn(day)).map(Dated::value).findFirst();
    }
}
