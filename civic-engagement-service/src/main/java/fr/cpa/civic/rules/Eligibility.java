package fr.cpa.civic.rules;

import java.util.List;

/** Whether an activity earns its category's yearly credit, and why. */
public record Eligibility(ActivityKind kind, boolean qualifies, List<String> explanation) {

    public Eligibility {
        explanation = List.copyOf(explanation);
    }
}
