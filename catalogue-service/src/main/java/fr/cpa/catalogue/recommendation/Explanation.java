package fr.cpa.catalogue.recommendation;

import java.util.List;

/** Why an offer is recommended, in words a holder reads ("leads to M1805; costs 1 200 €, you have 1 450 €"). */
final class Explanation {

    private Explanation() {
    }

    static String of(List<String> jobs, long priceCents, Long availableCents) {
        StringBuilder sb = new StringBuilder("leads to ").append(String.join(", ", jobs))
                .append("; costs ").append(euros(priceCents));
        if (availableCents != null) {
            sb.append(", you have ").append(euros(availableCents));
        }
        return sb.toString();
    }

    /** 120000 → "1 200 €"; 120050 → "1 200,50 €" (French grouping and decimal comma). */
    static String euros(long cents) {
        long euros = cents / 100;
        long rest = Math.abs(cents % 100);
        String digits = Long.toString(Math.abs(euros));
        StringBuilder grouped = new StringBuilder();
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && (digits.length() - i) % 3 == 0) {
                grouped.append(' ');
            }
            grouped.append(digits.charAt(i));
        }
        String sign = cents < 0 ? "-" : "";
        return sign + grouped + (rest == 0 ? "" : "," + String.format("%02d", rest)) + " €";
    }
}
