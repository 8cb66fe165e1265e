package fr.cpa.gateway.devtoken;

import fr.cpa.gateway.problem.Problem.FieldError;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * What a demo token is asked for. Only {@code role} is required; a holder's {@code subject} must be
 * their holder id, because every service reads a holder's ownership from {@code sub}.
 */
record DevTokenRequest(String role, String subject, String siret, String rna, String acr) {

    /** The platform's roles (ARCHITECTURE.md "Security"), as they appear in {@code groups}. */
    static final List<String> ROLES = List.of("holder", "employer", "training-org", "association", "advisor", "admin", "service");

    /** The eIDAS levels of assurance. */
    static final List<String> ACR_LEVELS = List.of("low", "substantial", "high");

    private static final Pattern SIRET = Pattern.compile("\\d{14}");
    /** Répertoire national des associations: W and nine digits. */
    private static final Pattern RNA = Pattern.compile("W\\d{9}");

    static DevTokenRequest from(JsonObject json) {
        return new DevTokenRequest(json.getString("role"), json.getString("subject"), json.getString("siret"),
                json.getString("rna"), json.getString("acr"));
    }

    /** Every bad field, empty when the request is valid. */
    List<FieldError> errors() {
        List<FieldError> errors = new ArrayList<>();
        if (!ROLES.contains(role)) {
            errors.add(new FieldError("role", "must be one of " + String.join(", ", ROLES)));
        }
        if ("holder".equals(role) && !isUuid(subject)) {
            errors.add(new FieldError("subject", "must be the holder's id, a UUID"));
        } else if (subject != null && (subject.isBlank() || subject.length() > 128)) {
            errors.add(new FieldError("subject", "must be 1 to 128 characters"));
        }
        if (siret != null && !SIRET.matcher(siret).matches()) {
            errors.add(new FieldError("siret", "must be 14 digits"));
        }
        if (rna != null && !RNA.matcher(rna).matches()) {
            errors.add(new FieldError("rna", "must be W followed by 9 digits"));
        }
        if (acr != null && !ACR_LEVELS.contains(acr)) {
            errors.add(new FieldError("acr", "must be one of " + String.join(", ", ACR_LEVELS)));
        }
        return errors;
    }

    /** The {@code sub} claim: the given subject, else a fixed demo name for the role. */
    String subjectOrDefault() {
        return subject != null ? subject : "demo-" + role;
    }

    private static boolean isUuid(String value) {
        if (value == null) {
            return false;
        }
        try {
            // UUID.fromString accepts short forms such as "1-2-3-4-5"; only the canonical one is an id.
            return UUID.fromString(value).toString().equalsIgnoreCase(value);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
