package fr.cpa.trainingrights.rules;

import java.time.LocalDate;

import static fr.cpa.trainingrights.rules.Amounts.euros;
import static fr.cpa.trainingrights.rules.Amounts.hours;

/**
 * The 1 January 2019 conversion (décret 2018-1153): every hour on the account, CPF and old DIF hours,
 * becomes 15 €; hours earned for 2018 and credited in 2019 convert at the same rate. Civil servants'
 * hours are not converted: they stay in hours.
 */
public final class Conversion {

    public static final LocalDate DAY = LocalDate.of(2019, 1, 1);

    /** The result: euros credited, hours removed, and why. */
    public record Result(long cents, long minutes, Explanation explanation) {
    }

    private final ParameterTable table;

    public Conversion(ParameterTable table) {
        this.table = table;
    }

    /** Converts {@code cpfMinutes + difMinutes} on {@code on} (1 January 2019, or later for 2018 hours). */
    public Result convert(long cpfMinutes, long difMinutes, LocalDate on) {
        ExplanationBuilder x = new ExplanationBuilder("CONVERSION_2019", "décret 2018-1153");
        LocalDate day = on.isBefore(DAY) ? DAY : on;
        long rate = x.use(table.at(Param.CONVERSION_RATE_PER_HOUR, day));
        long minutes = cpfMinutes + difMinutes;
        x.input("cpfHours", hours(cpfMinutes)).input("difHours", hours(difMinutes)).input("convertedOn", day);
        // 15 € an hour is 25 cents a minute: exact, no rounding
        long cents = Math.multiplyExact(minutes, rate) / 60;
        x.step(hours(cpfMinutes) + " CPF + " + hours(difMinutes) + " DIF = " + hours(minutes) + " × "
                + euros(rate) + "/h = " + euros(cents));
        return new Result(cents, minutes, x.result(hours(minutes) + " became " + euros(cents)));
    }

    /**
     * Converts 2017–2018 civic-engagement hours (décret 2018-1338): 12 € an hour, not the 15 € of CPF
     * and DIF hours. 60 h, the CEC cap of the hours era, are 720 €, its cap since 2019.
     */
    public Result convertCec(long cecMinutes, LocalDate on) {
        ExplanationBuilder x = new ExplanationBuilder("CEC_CONVERSION_2019", "décret 2018-1338");
        LocalDate day = on.isBefore(DAY) ? DAY : on;
        long rate = x.use(table.at(Param.CEC_CONVERSION_RATE_PER_HOUR, day));
        x.input("cecHours", hours(cecMinutes)).input("convertedOn", day);
        // 12 € an hour is 20 cents a minute: exact, no rounding
        long cents = Math.multiplyExact(cecMinutes, rate) / 60;
        x.step(hours(cecMinutes) + " CEC × " + euros(rate) + "/h = " + euros(cents));
        return new Result(cents, cecMinutes, x.result(hours(cecMinutes) + " of CEC became " + euros(cents)));
    }
}
