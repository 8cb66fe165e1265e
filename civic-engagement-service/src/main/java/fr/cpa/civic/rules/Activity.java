package fr.cpa.civic.rules;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/** One activity of a year as declared: its kind and its quantities (see {@link ActivityKind#quantities()}). */
public record Activity(ActivityKind kind, Map<Quantity, Integer> quantities) {

    public Activity {
        EnumMap<Quantity, Integer> copy = new EnumMap<>(Quantity.class);
        quantities.forEach((q, v) -> {
            if (v != null) {
                copy.put(q, v);
            }
        });
        quantities = Collections.unmodifiableMap(copy);
    }

    public static Activity of(ActivityKind kind, Quantity quantity, int value) {
        return new Activity(kind, Map.of(quantity, value));
    }

    public static Activity of(ActivityKind kind, Quantity first, int firstValue, Quantity second, int secondValue) {
        return new Activity(kind, Map.of(first, firstValue, second, secondValue));
    }

    /** The value of {@code quantity}, 0 when not given. */
    public int get(Quantity quantity) {
        return quantities.getOrDefault(quantity, 0);
    }
}
