package fr.cpa.civic.simulation;

import fr.cpa.civic.rules.Activity;
import fr.cpa.civic.rules.Quantity;
import fr.cpa.platform.problem.Problem;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Maps an API activity to the rules' {@link Activity} and checks what bean validation cannot: each
 * kind's quantity fields are required, the other kinds' are refused.
 */
public final class Activities {

    private Activities() {
    }

    public static Map<Quantity, Integer> quantities(SimulationRequest.ActivityInput input) {
        Map<Quantity, Integer> values = new EnumMap<>(Quantity.class);
        put(values, Quantity.MONTHS, input.months());
        put(values, Quantity.DAYS, input.days());
        put(values, Quantity.HOURS, input.hours());
        put(values, Quantity.MAX_HOURS_IN_ONE_ASSOCIATION, input.maxHoursInOneAssociation());
        put(values, Quantity.ENGAGEMENT_YEARS, input.engagementYears());
        put(values, Quantity.CONTINUOUS_YEARS, input.continuousYears());
        put(values, Quantity.DUTIES, input.duties());
        put(values, Quantity.INTERVENTIONS, input.interventions());
        put(values, Quantity.MAX_HOURS_IN_ONE_BODY, input.maxHoursInOneBody());
        return values;
    }

    /** Adds to {@code errors} what is wrong with {@code input} at JSON path {@code path}. */
    public static void check(SimulationRequest.ActivityInput input, String path, List<Problem.FieldError> errors) {
        if (input.kind() == null) {
            return;
        }
        Map<Quantity, Integer> values = quantities(input);
        for (Quantity quantity : input.kind().quantities()) {
            if (!values.containsKey(quantity)) {
                errors.add(new Problem.FieldError(path + "." + quantity.field(), "is required for " + input.kind()));
            }
        }
        for (Quantity quantity : values.keySet()) {
            if (!input.kind().quantities().contains(quantity)) {
                errors.add(new Problem.FieldError(path + "." + quantity.field(), "does not apply to " + input.kind()));
            }
        }
        checkNotAboveTotal(values, Quantity.MAX_HOURS_IN_ONE_ASSOCIATION, path, errors);
        checkNotAboveTotal(values, Quantity.MAX_HOURS_IN_ONE_BODY, path, errors);
    }

    public static Activity toActivity(SimulationRequest.ActivityInput input) {
        return new Activity(input.kind(), quantities(input));
    }

    private static void checkNotAboveTotal(Map<Quantity, Integer> values, Quantity part, String path,
                                           List<Problem.FieldError> errors) {
        Integer one = values.get(part);
        Integer total = values.get(Quantity.HOURS);
        if (one != null && total != null && one > total) {
            errors.add(new Problem.FieldError(path + "." + part.field(), "cannot exceed hours (" + total + ")"));
        }
    }

    private static void put(Map<Quantity, Integer> values, Quantity quantity, Integer value) {
        if (value != null) {
            values.put(quantity, value);
        }
    }
}
