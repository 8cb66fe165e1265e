package fr.cpa.civic.rules;

/** {@code quantity} must reach {@code value} for the yearly credit. */
public record Minimum(Quantity quantity, int value) {
}
