package fr.cpa.civic.rules;

/** Amounts in words for explanations: cents as euros, minutes as hours. */
final class Amounts {

    private Amounts() {
    }

    static String euros(long cents) {
        return cents / 100 + "." + String.format("%02d", Math.abs(cents % 100)) + " €";
    }

    static String hours(long minutes) {
        return minutes % 60 == 0 ? minutes / 60 + " h" : minutes / 60 + " h " + minutes % 60 + " min";
    }
}
