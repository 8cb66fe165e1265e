package fr.cpa.trainingrights.rules;

import java.util.List;
import java.util.Map;

/**
 * Why a figure is what it is: the rule applied, its legal reference, the dated parameter values used,
 * the inputs, and the arithmetic step by step. Stored with each ledger entry and shown by the API,
 * so no credit is opaque.
 */
public record Explanation(String rule, String legalReference, List<String> parameters, Map<String, String> inputs,
                          List<String> arithmetic, String result) {

    public Explanation {
        parameters = List.copyOf(parameters);
        inputs = Map.copyOf(inputs);
        arithmetic = List.copyOf(arithmetic);
    }
}
