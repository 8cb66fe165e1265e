package fr.cpa.gateway.client;

import fr.cpa.gateway.problem.Problem.FieldError;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What an administrator registers: a named client of a {@link ClientKind}, its scopes and the
 * organisation it is bound to. {@link #errors()} names every bad field.
 */
record ClientRegistration(String name, String kindCode, List<String> scopeCodes, List<String> sirets, String rna) {

    private static final Pattern SIRET = Pattern.compile("\\d{14}");
    /** Répertoire national des associations: W and nine digits. */
    private static final Pattern RNA = Pattern.compile("W\\d{9}");
    /** A group's payroll system may push for many establishments, not for a whole registry. */
    static final int MAX_SIRETS = 200;

    ClientRegistration {
        scopeCodes = scopeCodes == null ? null : List.copyOf(scopeCodes);
        sirets = sirets == null ? List.of() : List.copyOf(sirets);
    }

    static ClientRegistration from(JsonObject json) {
        return new ClientRegistration(string(json, "name"), string(json, "kind"), strings(json, "scopes"),
                strings(json, "sirets"), string(json, "rna"));
    }

    ClientKind kind() {
        return ClientKind.of(kindCode).orElseThrow();
    }

    Set<Scope> scopes() {
        Set<Scope> scopes = new LinkedHashSet<>();
        scopeCodes.forEach(code -> scopes.add(Scope.of(code).orElseThrow()));
        return scopes;
    }

    List<FieldError> errors() {
        List<FieldError> errors = new ArrayList<>();
        if (name == null || name.isBlank() || name.length() > 200) {
            errors.add(new FieldError("name", "must be 1 to 200 characters"));
        }
        ClientKind kind = ClientKind.of(kindCode).orElse(null);
        if (kind == null) {
            errors.add(new FieldError("kind", "must be one of " + String.join(", ", ClientKind.codes())));
        }
        if (scopeCodes == null || scopeCodes.isEmpty()) {
            errors.add(new FieldError("scopes", "must list at least one scope"));
        } else {
            for (int i = 0; i < scopeCodes.size(); i++) {
                Scope scope = Scope.of(scopeCodes.get(i)).orElse(null);
                if (scope == null) {
                    errors.add(new FieldError("scopes[" + i + "]", "must be one of " + String.join(", ", Scope.codes())));
                } else if (kind != null && !kind.mayHave(scope)) {
                    errors.add(new FieldError("scopes[" + i + "]", "is not granted to a " + kind.code() + " client"));
                }
            }
        }
        for (int i = 0; i < sirets.size(); i++) {
            if (sirets.get(i) == null || !SIRET.matcher(sirets.get(i)).matches()) {
                errors.add(new FieldError("sirets[" + i + "]", "must be 14 digits"));
            } else if (!Siret.isValid(sirets.get(i))) {
                // A typo caught here, not at the client's first declaration, which account-service would refuse.
                errors.add(new FieldError("sirets[" + i + "]", "is not a SIRET: its check digit is wrong"));
            }
        }
        if (rna != null && !RNA.matcher(rna).matches()) {
            errors.add(new FieldError("rna", "must be W followed by 9 digits"));
        }
        if (kind != null) {
            bindingErrors(kind.binding(), errors);
        }
        return errors;
    }

    private void bindingErrors(ClientKind.Binding binding, List<FieldError> errors) {
        switch (binding) {
            case SIRETS -> {
                if (sirets.isEmpty() || sirets.size() > MAX_SIRETS) {
                    errors.add(new FieldError("sirets", "an employer payroll system needs 1 to " + MAX_SIRETS + " SIRETs"));
                }
            }
            case ONE_SIRET -> {
                if (sirets.size() != 1) {
                    errors.add(new FieldError("sirets", "a training organisation has exactly one SIRET"));
                }
            }
            case RNA -> {
                if (rna == null) {
                    errors.add(new FieldError("rna", "an association needs its RNA number"));
                }
            }
            case NONE -> { }
        }
        if (binding != ClientKind.Binding.SIRETS && binding != ClientKind.Binding.ONE_SIRET && !sirets.isEmpty()) {
            errors.add(new FieldError("sirets", "only employer payroll systems and training organisations have SIRETs"));
        }
        if (binding != ClientKind.Binding.RNA && rna != null) {
            errors.add(new FieldError("rna", "only associations have an RNA number"));
        }
    }

    private static String string(JsonObject json, String field) {
        Object value = json.getValue(field);
        return value instanceof String s ? s : value == null ? null : String.valueOf(value);
    }

    private static List<String> strings(JsonObject json, String field) {
        Object value = json.getValue(field);
        if (!(value instanceof JsonArray array)) {
            return null;
        }
        List<String> list = new ArrayList<>();
        array.forEach(v -> list.add(v instanceof String s ? s : null));
        return list;
    }
}
