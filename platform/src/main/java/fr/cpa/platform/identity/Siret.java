package fr.cpa.platform.identity;

/**
 * A SIRET (establishment number): 14 digits whose Luhn checksum is right (DOMAIN.md §5). The
 * establishments of La Poste (SIREN 356 000 000) were numbered before the Luhn rule and use instead a
 * digit sum that is a multiple of 5; their head office (35600000000048) passes the Luhn check anyway.
 */
public final class Siret {

    static final String LA_POSTE_SIREN = "356000000";

    private Siret() {
    }

    public static boolean isValid(String siret) {
        if (siret == null || siret.length() != 14 || !siret.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return false;
        }
        return luhn(siret) || (siret.startsWith(LA_POSTE_SIREN) && digitSum(siret) % 5 == 0);
    }

    /** The Luhn check: from the right, every second digit doubled (minus 9 above 9), sum ≡ 0 mod 10. */
    public static boolean luhn(String digits) {
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

    /** The digit that completes {@code digits} (13 digits) into a Luhn-valid number. */
    public static int luhnCheckDigit(String digits) {
        for (int d = 0; d <= 9; d++) {
            if (luhn(digits + d)) {
                return d;
            }
        }
        throw new IllegalStateException("no Luhn digit for " + digits);
    }

    private static int digitSum(String digits) {
        return digits.chars().map(c -> c - '0').sum();
    }
}
