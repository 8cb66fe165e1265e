package fr.cpa.e2e;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Bodies and paths the e2e tests build alike. */
final class Requests {

    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}]+)}");

    private Requests() {
    }

    /** One full-time employee-month of a payroll declaration (the contract), with its exposures. */
    static Map<String, Object> employee(String nir, String lastName, String firstName, String birthDate,
                                        List<Map<String, Object>> exposures) {
        Map<String, Object> employee = new LinkedHashMap<>();
        employee.put("nir", nir);
        employee.put("lastName", lastName);
        employee.put("firstName", firstName);
        employee.put("birthDate", birthDate);
        employee.put("contract", Map.of("nature", "CDI", "start", "2020-01-01", "status", "EMPLOYEE"));
        employee.put("timeUnit", "HOURS");
        employee.put("paidTime", 151.67);
        employee.put("referenceTime", 151.67);
        employee.put("partTimeRate", 100);
        employee.put("absences", List.of());
        employee.put("exposures", exposures);
        return employee;
    }

    /**
     * A value for each parameter of an OpenAPI path template: the given holder for {@code {id}}, the
     * given SIRET and RNA number, a real ROME code, 2025 for a year, a fresh UUID otherwise.
     */
    static Map<String, String> pathValues(String template, String holder, String siret, String rna) {
        Map<String, String> values = new LinkedHashMap<>();
        Matcher m = PATH_PARAMETER.matcher(template);
        while (m.find()) {
            String name = m.group(1);
            values.put(name, switch (name.toLowerCase()) {
                case "siret" -> siret;
                case "rna" -> rna;
                case "code" -> "M1805";
                case "year" -> "2025";
                case "id", "holderid" -> holder;
                default -> UUID.randomUUID().toString();
            });
        }
        return values;
    }

    /** The template with its parameters replaced. */
    static String fill(String template, Map<String, String> values) {
        String filled = template;
        for (Map.Entry<String, String> value : values.entrySet()) {
            filled = filled.replace("{" + value.getKey() + "}", value.getValue());
        }
        return filled;
    }

    /** A Luhn-valid SIRET no other test uses. */
    static String freshSiret() {
        StringBuilder digits = new StringBuilder("8");
        for (int i = 0; i < 12; i++) {
            digits.append(ThreadLocalRandom.current().nextInt(10));
        }
        for (int d = 0; d <= 9; d++) {
            if (luhn(digits.toString() + d)) {
                return digits.toString() + d;
            }
        }
        throw new IllegalStateException();
    }

    private static boolean luhn(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                d = d * 2 > 9 ? d * 2 - 9 : d * 2;
            }
            sum += d;
        }
        return sum % 10 == 0;
    }
}
