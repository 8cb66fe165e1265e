package fr.cpa.deployment;

import java.util.Map;

/** Kubernetes memory quantities (binary and decimal suffixes) in bytes, for comparisons. */
final class Quantities {

    private static final Map<String, Long> SUFFIX = Map.of(
            "Ki", 1L << 10, "Mi", 1L << 20, "Gi", 1L << 30, "Ti", 1L << 40,
            "k", 1_000L, "M", 1_000_000L, "G", 1_000_000_000L, "T", 1_000_000_000_000L);

    private Quantities() {
    }

    static long bytes(String quantity) {
        for (var e : SUFFIX.entrySet()) {
            if (quantity.endsWith(e.getKey()) && Character.isDigit(quantity.charAt(quantity.length() - e.getKey().length() - 1))) {
                return Long.parseLong(quantity.substring(0, quantity.length() - e.getKey().length())) * e.getValue();
            }
        }
        return Long.parseLong(quantity);
    }
}
