package fr.cpa.trainingrights.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Collects an {@link Explanation} while a rule computes; records each parameter it reads. */
final class ExplanationBuilder {

    private final String rule;
    private final String legalReference;
    private final List<String> parameters = new ArrayList<>();
    private final Map<String, String> inputs = new LinkedHashMap<>();
    private final List<String> arithmetic = new ArrayList<>();

    ExplanationBuilder(String rule, String legalReference) {
        this.rule = rule;
        this.legalReference = legalReference;
    }

    long use(ParameterValue value) {
        String described = value.describe();
        if (!parameters.contains(described)) {
            parameters.add(described);
        }
        return value.value();
    }

    ExplanationBuilder input(String name, Object value) {
        inputs.put(name, String.valueOf(value));
        return this;
    }

    ExplanationBuilder step(String line) {
        arithmetic.add(line);
        return this;
    }

    Explanation result(String result) {
        // inputs keep their order in the builder; Explanation copies them into an unmodifiable map
        return new Explanation(rule, legalReference, parameters, new TreeMap<>(inputs), arithmetic, result);
    }
}
