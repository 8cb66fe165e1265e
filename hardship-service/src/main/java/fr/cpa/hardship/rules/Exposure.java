package fr.cpa.hardship.rules;

/**
 * One factor declared for one contract and year: {@code quantity} in {@code unit} over the year,
 * {@code months} the exposed period of the contract in the year (12 = whole year).
 *
 * @param contract who declared it (the employer's SIRET); one contract per employer and year
 */
public record Exposure(String contract, Factor factor, Unit unit, long quantity, int months) {
}
