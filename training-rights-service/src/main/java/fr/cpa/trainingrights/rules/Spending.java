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
 * <p>Volunteer-mission training ({@code VOLUNTEER_TRAINING}: training of volunteers and civic-service volunteers for
 * their missions, L6323-6) is paid with CEC money only: neither ordinary rights, nor top-ups (C2P money, in a
 * top-up pot, included) may pay it, and it has no per-action cap. Once the holder has claimed their pension the
 * account is closed (L6323-3): it is spent on nothing else, and on that only with its CEC money (DOMAIN.md §1 "Scope",
 * §3).
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
     * @param actionType    RNCP, RS, CLEA, VAE, BILAN, DRIVING_LICENCE, BUSINESS_CREATION, VOLUNTEER_TRAINING
     * @param accountClosed the holder claimed their pension: only volunteer-mission training may be bought (L6323-3)
     */
    public record Purchase(LocalDate date, String actionType, String certificationCode, long priceCents,
                           boolean jobSeeker, boolean accountClosed) {

        /** A purchase on an open account. */
        public Purchase(LocalDate date, String actionType, String certificationCode, long priceCents, boolean jobSeeker) {
            this(date, actionType, certificationCode, priceCents, jobSeeker, false);
        }
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
    /** The holder claimed their pension and the purchase is not volunteer-mission training (L6323-3). */
    public static final String ACCOUNT_CLOSED = "ACCOUNT_CLOSED";
    /** Volunteer-mission training: CEC money only (L6323-6), the one purchase a closed account may make (L6323-3). */
    public static final String VOLUNTEER_TRAINING = "VOLUNTEER_TRAINING";
    private static final Set<String> ACTION_TYPES =
            Set.of("RNCP", "RS", "CLEA", "VAE", "BILAN", "DRIVING_LICENCE", "BUSINESS_CREATION", VOLUNTEER_TRAINING);

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
        ExplanationBuilder x = new ExplanationBuilder("SPENDING", "L6323-6, D6323-1 A, D5151-11, L6323-3");
        x.input("date", purchase.date()).input("actionType", purchase.actionType())
                .input("certificationCode", purchase.certificationCode()).input("price", euros(purchase.priceCents()))
                .input("jobSeeker", purchase.jobSeeker()).input("accountClosed", purchase.accountClosed());
        if (!ACTION_TYPES.contains(purchase.actionType())) {
            return refused(INELIGIBLE_ACTION, purchase, x.result("refused: " + purchase.actionType() + " is not an eligible action"));
        }
        boolean volunteer = VOLUNTEER_TRAINING.equals(purchase.actionType());
        if (purchase.accountClosed() && !volunteer) {
            return refused(ACCOUNT_CLOSED, purchase, x.result("refused: the holder claimed their pension; the account is"
                    + " spent only on volunteer-mission training, with CEC money (L6323-3)"));
        }
        if (volunteer) {
            x.step("volunteer-mission training: CEC money only (L6323-6)"
                    + (purchase.accountClosed() ? "; the only purchase left to a holder who claimed their pension (L6323-3)" : ""));
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
            return refused(INSUFFICIENT_RIGHTS, purchase, x.result(volunteer
                    ? "refused: no CEC money available, the only money that pays volunteer-mission training"
                    : "refused: no rights available for this training"));
        }
        return new Plan(byPot, cpf, remainder, Optional.empty(),
                x.result("CPF pays " + euros(cpf) + "; the holder pays " + euros(remainder)), funders);
    }

    private static boolean usable(Pot pot, Purchase purchase) {
        if (VOLUNTEER_TRAINING.equals(purchase.actionType()) && pot.kind() != PotKind.CEC) {
            return false; // CEC money only: not the ordinary rights, not a top-up (earmarked or not), not C2P money
        }
        // actions without a code (VAE, bilan, licence…) are reached by no earmark; an immutable set's contains(null) throws
        return pot.earmarkedTo().isEmpty()
                || purchase.certificationCode() != null && pot.earmarkedTo().contains(purchase.certificationCode());
    }

    private static Plan refused(String code, Purchase purchase, Explanation why) {
        return new Plan(Map.of(), 0, purchase.priceCents(), Optional.of(code), why, Set.of());
    }
}
