package fr.cpa.trainingrights.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
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
 *
 * <p>Co-funding is money on the account, never a figure a request declares: the plan reports the funders of the
 * top-ups it spends ({@link Plan#topUpFunders()}), which decide the co-payment exemption, and a driving licence
 * bought by a non-job-seeker must spend a third party's top-up.
 */
public final class Spending {

    /** Kinds of pot, in the order they are spent. */
    public enum PotKind { ORDINARY, CEC, TOP_UP }

    /**
     * A pot with what is available in it; {@code earmarkedTo} empty: any eligible training; {@code funder}: who paid a
     * top-up pot (null for ordinary, CEC and C2P money).
     */
    public record Pot(String id, PotKind kind, long availableCents, Set<String> earmarkedTo, FunderType funder) {
        public Pot {
            earmarkedTo = earmarkedTo == null ? Set.of() : Set.copyOf(earmarkedTo);
        }

        public Pot(String id, PotKind kind, long availableCents, Set<String> earmarkedTo) {
            this(id, kind, availableCents, earmarkedTo, null);
        }

        boolean thirdPartyTopUp() {
            return funder != null && funder.isThirdParty();
        }
    }

    /**
     * What is bought. A co-funding the holder declares is not part of it: only top-ups on the account count.
     *
     * @param actionType RNCP, RS, CLEA, VAE, BILAN, DRIVING_LICENCE, BUSINESS_CREATION
     */
    public record Purchase(LocalDate date, String actionType, String certificationCode, long priceCents,
                           boolean jobSeeker) {
    }

    /**
     * The plan: cents per pot id in spending order, or a refusal with its stable code; {@code topUpFunders}: the
     * funders of the top-up pots it spends.
     */
    public record Plan(Map<String, Long> byPot, long cpfCents, long remainderDueByHolder, Optional<String> refusal,
                       Explanation explanation, Set<FunderType> topUpFunders) {
        public Plan {
            byPot = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(byPot));
            topUpFunders = topUpFunders.isEmpty() ? Set.of() : java.util.Collections.unmodifiableSet(EnumSet.copyOf(topUpFunders));
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
                .input("jobSeeker", purchase.jobSeeker());
        if (!ACTION_TYPES.contains(purchase.actionType())) {
            return refused(INELIGIBLE_ACTION, purchase, x.result("refused: " + purchase.actionType() + " is not an eligible action"));
        }
        Optional<ParameterValue> cap = actionCap(purchase.actionType(), purchase.date());
        cap.ifPresent(x::use);
        boolean needsCoFunding = "DRIVING_LICENCE".equals(purchase.actionType()) && cap.isPresent() && !purchase.jobSeeker();
        long limit = cap.map(c -> Math.min(purchase.priceCents(), c.value())).orElse(purchase.priceCents());
        x.step("to fund: " + euros(purchase.priceCents()) + cap.map(c -> "; CPF money at most " + euros(c.value())
                + " → " + euros(limit)).orElse(""));
        List<Pot> ordered = new ArrayList<>(pots.stream().filter(p -> usable(p, purchase)).toList());
        // ordinary, then CEC, then top-ups earmarked to this certification, then the others. A non-job-seeker's driving
        // licence is eligible only because a third party co-funds it: that co-funding is spent first, else the holder's
        // own rights would fill the 900 € and the co-funding that opened the purchase would never be used
        ordered.sort(Comparator.comparing((Pot p) -> !(needsCoFunding && p.thirdPartyTopUp()))
                .thenComparingInt(p -> p.kind().ordinal())
                .thenComparing(p -> p.earmarkedTo().isEmpty()));
        if (needsCoFunding && ordered.stream().noneMatch(p -> p.thirdPartyTopUp() && p.availableCents() > 0)) {
            return refused(INELIGIBLE_ACTION, purchase, x.result("refused: from " + cap.get().from()
                    + " a driving licence needs a job seeker or a third-party co-funding (a top-up from someone other"
                    + " than the holder, usable on it)"));
        }
        Map<String, Long> byPot = new LinkedHashMap<>();
        Set<FunderType> funders = EnumSet.noneOf(FunderType.class);
        long left = limit;
        for (Pot pot : ordered) {
            long take = Math.min(left, Math.max(0, pot.availableCents()));
            if (take > 0) {
                byPot.put(pot.id(), take);
                if (pot.funder() != null) {
                    funders.add(pot.funder());
                }
                x.step(pot.id() + (pot.funder() == null ? "" : " (" + pot.funder() + ")") + ": " + euros(take)
                        + " of " + euros(pot.availableCents()));
                left -= take;
            }
        }
        long cpf = limit - left;
        long remainder = Math.max(0, purchase.priceCents() - cpf);
        if (cpf == 0 && limit > 0) {
            return refused(INSUFFICIENT_RIGHTS, purchase, x.result("refused: no rights available for this training"));
        }
        return new Plan(byPot, cpf, remainder, Optional.empty(),
                x.result("CPF pays " + euros(cpf) + "; the holder pays " + euros(remainder)), funders);
    }

    private static boolean usable(Pot pot, Purchase purchase) {
        return pot.earmarkedTo().isEmpty() || pot.earmarkedTo().contains(purchase.certificationCode());
    }

    private static Plan refused(String code, Purchase purchase, Explanation why) {
        return new Plan(Map.of(), 0, purchase.priceCents(), Optional.of(code), why, Set.of());
    }
}
