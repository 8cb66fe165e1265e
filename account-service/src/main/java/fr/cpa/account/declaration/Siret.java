package fr.cpa.account.declaration;

/**
 * SIRET: 14 digits (the 9-digit SIREN of the company and a 5-digit establishment number) with a Luhn
 * checksum. La Poste's establishments (SIREN 356000000) are too many for the Luhn key: theirs use a
 * digit sum that is a multiple of 5 instead (DOMAIN.md §5); its head office still fits Luhn.
 */
public final class Siret {

    static final String LA_POSTE_SIREN = "356000000";
    private static final int LA_POSTE_DIGIT_SUM_MODULUS = 5;

    private Siret() {
    }

    public static boolean isValid(String siret) {
        if (siret == null || siret.length() != 14 || !siret.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return false;
        }
        if (luhn(siret)) {
            return true;
        }
        return siret.startsWith(LA_POSTE_SIREN) && digitSum(siret) % LA_POSTE_DIGIT_SUM_MODULUS == 0;
    }

    static boolean luhn(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int digit = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
        }
        return sum % 10 == 0;
    }

    static int digitSum(String digits) {
        return digits.chars().map(c -> c - '0').sum();
    }
}
