package fr.cpa.civic.rules;

/** What a CEC holds: euros earned from 2019 (cents) and hours earned in 2017–2018 (minutes). */
public record CecTotals(long cents, long minutes) {

    public static final CecTotals ZERO = new CecTotals(0, 0);

    CecTotals plus(YearlyCredit.Unit unit, long value) {
        return unit == YearlyCredit.Unit.CENTS ? new CecTotals(cents + value, minutes)
                : new CecTotals(cents, minutes + value);
    }
}
