package fr.cpa.civic.rules;

/**
 * The credit one qualifying activity category earns for a year and the account's cap, in
 * {@link Unit#MINUTES} (2017–2018) or {@link Unit#CENTS} (from 2019).
 */
public record YearlyCredit(Unit unit, long perCategory, long cap) {

    public enum Unit { MINUTES, CENTS }

    String format(long value) {
        return unit == Unit.MINUTES ? Amounts.hours(value) : Amounts.euros(value);
    }
}
