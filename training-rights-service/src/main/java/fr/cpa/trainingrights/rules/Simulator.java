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
     * @param openingMinutes hours on the account before the first year (CPF and DIF): civil-servant
     *                       hours if the first year's activities include the public service, else
     *                       private hours converted on 1 January 2019
     * @param years          strictly increasing years
     */
    public record Input(long openingCents, long openingMinutes, List<YearFacts> years) {
    }

    /** One year: the credit, the conversion done right after it (or before it), the balances after. */
    public record YearResult(YearlyCredit credit, Conversion.Result conversion, AccountState after) {
    }

    public record Output(List<YearResult> years, AccountState closing) {
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
                ? new AccountState(input.openingCents(), 0, input.openingMinutes())
                : new AccountState(input.openingCents(), input.openingMinutes(), 0);
        List<YearResult> results = new ArrayList<>();
        for (int i = 0; i < input.years().size(); i++) {
            YearFacts facts = input.years().get(i);
            Conversion.Result converted = null;
            if (facts.year() >= Conversion.DAY.getYear() && state.hoursEraMinutes() > 0) {
                converted = conversion.convert(state.hoursEraMinutes(), 0, Conversion.DAY);
                state = convert(state, converted);
            }
            YearlyCredit credit = rules.credit(facts, state);
            state = state.after(credit);
            boolean lastBeforeEuros = facts.year() < Conversion.DAY.getYear()
                    && (i + 1 == input.years().size() || input.years().get(i + 1).year() >= Conversion.DAY.getYear());
            if (lastBeforeEuros && state.hoursEraMinutes() > 0) {
                // hours for the last hours-era year are credited in the next year's run, then converted at once
                LocalDate creditedOn = LocalDate.of(facts.year() + 1, 1, 1);
                converted = conversion.convert(state.hoursEraMinutes(), 0, creditedOn.isBefore(Conversion.DAY) ? Conversion.DAY : creditedOn);
                state = convert(state, converted);
            }
            results.add(new YearResult(credit, converted, state));
        }
        return new Output(results, state);
    }

    private static AccountState convert(AccountState state, Conversion.Result converted) {
        return new AccountState(state.ordinaryCents() + converted.cents(), state.hoursEraMinutes() - converted.minutes(),
                state.civilServantMinutes());
    }
}
