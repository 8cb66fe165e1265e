package fr.cpa.trainingrights.rules;

/** Formatting of cents, minutes and the other units for explanations; never used for arithmetic. */
final class Amounts {

    private Amounts() {
    }

    static String format(Param.Unit unit, long value) {
        return switch (unit) {
            case CENTS -> euros(value);
            case MINUTES -> hours(value);
            case DAYS -> value + " days";
            case PERCENT -> value + " %";
            case YEARS -> value + " years";
        };
    }

    static String euros(long cents) {
        long abs = Math.abs(cents);
        return (cents < 0 ? "-" : "") + abs / 100 + "." + twoDigits(abs % 100) + " €";
    }

    static String hours(long minutes) {
        long abs = Math.abs(minutes);
        String sign = minutes < 0 ? "-" : "";
        return abs % 60 == 0 ? sign + abs / 60 + " h" : sign + abs / 60 + " h " + twoDigits(abs % 60) + " min";
    }

    /** {@code String.format("%02d")} without the formatter: the yearly run formats a few million amounts. */
    private static String twoDigits(long value) {
        return value < 10 ? "0" + value : Long.toString(value);
    }
}
