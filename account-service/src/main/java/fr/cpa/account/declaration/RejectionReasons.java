package fr.cpa.account.declaration;

import fr.cpa.platform.problem.Problem.FieldError;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The reasons a declaration was refused, as the statistics count them: "path: message" with the array
 * indices removed ({@code employees[42].nir} → {@code employees[].nir}), so that the same mistake on
 * many lines is one reason, and each reason once per declaration. The messages of {@link EmployeeReader}
 * and the header checks never quote a value from the body, so nothing personal is kept.
 */
final class RejectionReasons {

    /** At most this many distinct reasons are kept per declaration. */
    static final int MAX_REASONS = 50;
    private static final Pattern INDEX = Pattern.compile("\\[\\d+]");

    private RejectionReasons() {
    }

    static List<String> of(List<FieldError> errors) {
        Set<String> reasons = new LinkedHashSet<>();
        for (FieldError e : errors) {
            if (reasons.size() >= MAX_REASONS) {
                break;
            }
            reasons.add(INDEX.matcher(e.field() + ": " + e.message()).replaceAll("[]"));
        }
        return new ArrayList<>(reasons);
    }
}
