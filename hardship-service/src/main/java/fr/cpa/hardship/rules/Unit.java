package fr.cpa.hardship.rules;

/** What a factor's yearly quantity counts (D4163-2): nights, hours, interventions or noise peaks. */
public enum Unit {
    NIGHTS, HOURS, INTERVENTIONS, PEAKS;

    /** The request field that carries this quantity in the public API ({@code nights}, {@code hours}…). */
    public String field() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
