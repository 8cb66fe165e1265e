package fr.cpa.account.nir;

import java.math.BigInteger;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The NIR (numéro d'inscription au répertoire, social security number): 13 characters and a 2-digit
 * key, key = 97 − (number mod 97); for Corsica the department 2A counts as 19 and 2B as 18 before
 * computing (DOMAIN.md §5). Personal data: this type never prints its value.
 */
public final class Nir {

    // sex (1-4 or 7-8 for provisional numbers), year, month (01-12, 20-42 or 50-99 when unknown),
    // department (2 digits, 2A or 2B), commune, order number, key
    private static final Pattern SHAPE = Pattern.compile("[1-478]\\d{2}(0[1-9]|1[0-2]|[2-4]\\d|[5-9]\\d)(\\d{2}|2A|2B)\\d{6}\\d{2}");
    private static final BigInteger NINETY_SEVEN = BigInteger.valueOf(97);

    private final String value;

    private Nir(String value) {
        this.value = value;
    }

    /** Accepts the NIR with or without spaces, either case; empty when it is not a valid NIR. */
    public static Optional<Nir> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String normalised = text.replace(" ", "").toUpperCase();
        if (!SHAPE.matcher(normalised).matches()) {
            return Optional.empty();
        }
        int key = Integer.parseInt(normalised.substring(13));
        if (key != key(normalised.substring(0, 13))) {
            return Optional.empty();
        }
        return Optional.of(new Nir(normalised));
    }

    public static boolean isValid(String text) {
        return parse(text).isPresent();
    }

    /** The key of a 13-character NIR body (2A → 19, 2B → 18). */
    public static int key(String body) {
        String digits = body.substring(0, 5)
                + switch (body.substring(5, 7)) {
                    case "2A" -> "19";
                    case "2B" -> "18";
                    default -> body.substring(5, 7);
                }
                + body.substring(7);
        return 97 - new BigInteger(digits).mod(NINETY_SEVEN).intValue();
    }

    /** The 15 normalised characters, for hashing and encryption only. */
    public String value() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Nir other && other.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    /** Never the number itself: a NIR must not reach a log line by accident. */
    @Override
    public String toString() {
        return "Nir[***]";
    }
}
