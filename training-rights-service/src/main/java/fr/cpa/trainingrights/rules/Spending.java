package fr.cpa.trainingrights.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static fr.cpa.trainingrights.rules.Amounts.euros;

/**
 * What a purchase takes from which pot (DOMAIN.md "Eligible purchases", "Order of spending"):
 * ordinary rights first, then CEC money (D5151-11), then top-ups — earmarked ones only on the
 * certifications they are earmarked to; CPF money limited per action from 26 February 2026
 * (D6323-1 A). Whatever the CPF does not pay is due by the holder.
 */
public final class Spending {

    /** Kinds of pot, in the order they are spent. */
    public enum PotKind { ORDINARY, CEC, TOP_UP }

    /** A pot with what is available in it; {@code earmarkedTo} empty: any eligible training. */
    public record Pot(String id, PotKind kind, long availableCents, Set<String> earmarkedTo) {
        public Pot {
            earmarkedTo = earmarkedTo == null ? Set.of() : Set.copyOf(earmarkedTo);
        }
    }

    /**
     * @param actionType       RNCP, RS, CLEA, VAE, BILAN, DRIVING_LICENCE, BUSINESS_CREATION
     * @param thirdPartyCents  what an employer, OPCO or other funder pays on top (co-funding)
     */
    public record Purchase(LocalDate date, String actionType, String certificationCode, long priceCents,
                           boolean jobSeeker, long thirdPartyCents) {
    }

    /** The plan: cents per pot id in spending order, or a refusal with its stable code. */
    public record Plan(Map<String, Long> byPot, long cpfCents, long remainderDueByHolder, Optional<String> refusal,
                       Explanation explanation) {
        public Plan {
            byPot = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(byPot));
        }
    }

    public static final String INELIGIBLE_ACTION = "INELIGIBLE_ACTION";
    public static final String INSUFFICIENT_RIGHTS = "INSUFFICIENT_RIGHTS";
    private static final Set<String> ACTION_TYPES =
            Set.of("RNCP", "RS", "CLEA", "VAE", "BILAN", "DRIVING_LICENCE", "BUSINESS_CREATION");

    private final ParameterTable table;

    public Spending(ParameterTable table) {
        this.table = table;
    }

    /** The per-action cap of CPF money on {@code date}, if any (CléA is excepted from the RS cap). */
    public Optional<ParameterValue> actionCap(String actionType, LocalDate date) {
        return switch (actionType) {
            case "RS" -> table.find(Param.ACTION_CAP_RS, date);
            case "BILAN" -> table.find(Param.ACTION_CAP_BILAN, date);
            case "DRIVING_LICENCE" -> table.find(Param.ACTION_CAP_DRIVING_LICENCE, date);
            default -> Optional.empty();
        };
    }

    public Plan plan(Purchase purchase, List<Pot> pots) {
        ExplanationBuilder x = new ExplanationBuilder("SPENDING", "L6323-6, D6323-1 A, D5151-11");
        x.input("date", purchase.date()).input("actionType", purchase.actionType())
                .input("certificationCode", purchase.certificationCode()).input("price", euros(purchase.priceCents()))
                .input("jobSeeker", purchase.jobSeeker()).input("thirdPartyCoFunding", euros(purchase.thirdPartyCents()));
        if (!ACTION_TYPES.contains(purchase.actionType())) {
            return refused(INELIGIBLE_ACTION, purchase, x.result("refused: " + purchase.actionType() + " is not an eligible action"));
        }
        Optional<ParameterValue> cap = actionCap(purchase.actionType(), purchase.date());
        cap.ifPresent(x::use);
        if ("DRIVING_LICENCE".equals(purchase.actionType()) && cap.isPresent()
                && !purchase.jobSeeker() && purchase.thirdPartyCents() <= 0) {
            return refused(INELIGIBLE_ACTION, purchase, x.result(
                    "refused: from " + cap.get().from() + " a driving licence needs a job seeker or a third-party co-funding"));
        }
        long needed = Math.max(0, purchase.priceCents() - purchase.thirdPartyCents());
        long limit = cap.map(c -> Math.min(needed, c.value())).orElse(needed);
        x.step("to fund: price " + euros(purchase.priceCents()) + " − co-funding " + euros(purchase.thirdPartyCents())
                + " = " + euros(needed) + cap.map(c -> "; CPF money at most " + euros(c.value()) + " → " + euros(limit)).orElse(""));
        List<Pot> ordered = new ArrayList<>(pots.stream().filter(p -> usable(p, purchase)).toList());
        // ordinary, then CEC, then top-ups earmarked to this certification, then the others
        ordered.sort(Comparator.comparingInt((Pot p) -> p.kind().ordinal())
                .thenComparing(p -> p.earmarkedTo().isEmpty()));
        Map<String, Long> byPot = new LinkedHashMap<>();
        long left = limit;
        for (Pot pot : ordered) {
            long take = Math.min(left, Math.max(0, pot.availableCents()));
            if (take > 0) {
                byPot.put(pot.id(), take);
                x.step(pot.id() + ": " + euros(take) + " of " + euros(pot.availableCents()));
                left -= take;
            }
        }
        long cpf = limit - left;
        long remainder = purchase.priceCents() - purchase.thirdPartyCents() - cpf;
        remainder = Math.max(0, remainder);
        if (cpf == 0 && needed > 0) {
            return refused(INSUFFICIENT_RIGHTS, purchase, x.result("refused: no rights available for this training"));
        }
        return new Plan(byPot, cpf, remainder, Optional.empty(),
                x.result("CPF pays " + euros(cpf) + "; the holder pays " + euros(remainder)));
    }

    private static boolean usable(Pot pot, Purchase purchase) {
        return pot.earmarkedTo().isEmpty() || pot.earmarkedTo().contains(purchase.certificationCode());
    }

    private static Plan refused(String code, Purchase purchase, Explanation why) {
        return new Plan(Map.of(), 0, purchase.priceCents(), Optional.of(code), why);
    }
}
