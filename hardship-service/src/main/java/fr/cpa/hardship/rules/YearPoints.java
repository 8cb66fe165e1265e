package fr.cpa.hardship.rules;

import java.util.List;

/** A year's points and why: each line names the rule, its parameters and the inputs. */
public record YearPoints(int year, int points, List<String> explanation) {
}
