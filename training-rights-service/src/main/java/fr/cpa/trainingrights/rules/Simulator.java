package fr.cpa.trainingrights.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the yearly acquisition over several years from an opening balance, as the CPF would have:
 * hours until 2018, the 1 January 2019 conversion (2018 hours, credited in 2019, convert too), euros
 * after. Civil servants' hours are never converted. Stateless: the simulator endpoint uses it as is.
 */
public final class Simulator {

    /**
     * @param openingMinutes    CPF hours on the account before the first year: civil-servant hours if the first
     *                          year's activities include the public service, else private hours converted on
     *                          1 January 2019
     * @param openingDifMinutes old DIF hours before the first year. Kept apart from the CPF hours: DOMAIN.md §1's
     *                          example (96 CPF h + 120 DIF h = 216 h → 3 240 €) is only possible if DIF counts
     *                          neither for the 120 h step nor for the 150 h cap; converted with the CPF hours.
     *                          In the public service they are added to the civil-servant hours, as before.
     * @param years             strictly increasing years
     */
    public record Input(long openingCents, long openingMinutes, long openingDifMinutes, List<YearFacts> years) {
        public Input(long openingCents, long openingMinutes, List<YearFacts> years) {
            this(openingCents, openingMinutes, 0, years);
        }
    }

    /**
     * One year: the credit, the conversion done right after it (or before it), the balances after, and the DIF
     * minutes still in hours after it (not yet converted).
     */
    public record YearResult(YearlyCredit credit, Conversion.Result conversion, AccountState after, long difMinutes) {
    }

    /** The years and the closing balances; {@code closingDifMinutes} are DIF hours no simulated year converted. */
    public record Output(List<YearResult> years, AccountState closing, long closingDifMinutes) {
    }

    private final AcquisitionRules rules;
    private final Conversion conversion;

    public Simulator(ParameterTable table) {
        this.rules = new AcquisitionRules(table);
        this.conversion = new Conversion(table);
    }

    public Output run(Input input) {
        boolean publicService = !input.years().isEmpty() && input.years().get(0).activities().stream()
                .anyMatch(Activity.CivilServant.class::isInstance);
        AccountState state = publicService
                ? new AccountState(input.openingCents(), 0, input.openingMinutes() + input.openingDifMinutes())
                : new AccountState(input.openingCents(), input.openingMinutes(), 0);
        // outside the AccountState the rules read: DIF never counts for the hours-era step or cap
        long dif = publicService ? 0 : input.openingDifMinutes();
        List<YearResult> results = new ArrayList<>();
        for (int i = 0; i < input.years().size(); i++) {
            YearFacts facts = input.years().get(i);
            Conversion.Result converted = null;
            if (facts.year() >= Conversion.DAY.getYear() && (state.hoursEraMinutes() > 0 || dif > 0)) {
                converted = conversion.convert(state.hoursEraMinutes(), dif, Conversion.DAY);
                state = convert(state, converted, dif);
                dif = 0;
            }
            YearlyCredit credit = rules.credit(facts, state);
            state = state.after(credit);
            boolean lastBeforeEuros = facts.year() < Conversion.DAY.getYear()
                    && (i + 1 == input.years().size() || input.years().get(i + 1).year() >= Conversion.DAY.getYear());
            if (lastBeforeEuros && (state.hoursEraMinutes() > 0 || dif > 0)) {
                // hours for the last hours-era year are credited in the next year's run, then converted at once,
                // DIF hours with them (all on 1 January 2019)
                LocalDate creditedOn = LocalDate.of(facts.year() + 1, 1, 1);
                converted = conversion.convert(state.hoursEraMinutes(), dif, creditedOn.isBefore(Conversion.DAY) ? Conversion.DAY : creditedOn);
                state = convert(state, converted, dif);
                dif = 0;
            }
            results.add(new YearResult(credit, converted, state, dif));
        }
        return new Output(results, state, dif);
    }

    /** Adds the converted euros; removes the CPF hours converted (the DIF ones were never in the state). */
    private static AccountState convert(AccountState state, Conversion.Result converted, long difMinutes) {
        return new AccountState(state.ordinaryCents() + converted.cents(),
                state.hoursEraMinutes() - (converted.minutes() - difMinutes), state.civilServantMinutes());
    }
}
