package fr.cpa.gateway.client;

/**
 * Whether a SIRET (establishment number) is well formed: 14 digits whose Luhn checksum is right; the
 * establishments of La Poste (SIREN 356 000 000), numbered before the Luhn rule, have instead a digit
 * sum that is a multiple of 5 (DOMAIN.md §5). The same rule as {@code fr.cpa.platform.identity.Siret},
 * which account-service applies to declarations: a client bound to a SIRET that rule refuses could
 * never push one. Repeated here because the gateway does not depend on platform (pom.xml: it brings
 * Quarkus REST, Hibernate Validator and Kafka).
 */
final class Siret {

    private static final String LA_POSTE_SIREN = "356000000";

    private Siret() {
    }

    static boolean isValid(String siret) {
        if (siret == null || siret.length() != 14 || !siret.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return false;
        }
        return luhn(siret) || (siret.startsWith(LA_POSTE_SIREN) && siret.chars().map(c -> c - '0').sum() % 5 == 0);
    }

    /** From the right, every second digit doubled (minus 9 above 9); the sum is a multiple of 10. */
    private static boolean luhn(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
        }
        return sum % 10 == 0;
    }
}
