package fr.cpa.trainingrights.rules;

import java.time.LocalDate;

import static fr.cpa.trainingrights.rules.Amounts.euros;

/**
 * The co-payment (participation forfaitaire, L6323-4, R6323-6): paid by the holder outside the CPF
 * on each purchase, even when the balance covers the price. Nothing before 2 May 2024.
 */
public final class CoPayment {

    /**
     * The situations that exempt a purchase.
     *
     * @param jobSeeker            the holder is a registered job seeker
     * @param employerOrOpcoTopUp  a top-up funded by an employer or OPCO pays part of the purchase: one of the pots its
     *                             plan spends ({@link Spending.Plan#topUpFunders()}), never a co-funding the holder
     *                             merely declares
     * @param paidWithC2pPoints    the purchase is paid with hardship (C2P) points
     * @param workAccidentTopUp    the work-accident / occupational-disease top-up pays it
     */
    public record Exemptions(boolean jobSeeker, boolean employerOrOpcoTopUp, boolean paidWithC2pPoints,
                             boolean workAccidentTopUp) {
        public static final Exemptions NONE = new Exemptions(false, false, false, false);
    }

    public record Result(long cents, Explanation explanation) {
    }

    private final ParameterTable table;

    public CoPayment(ParameterTable table) {
        this.table = table;
    }

    public Result due(LocalDate purchaseDate, Exemptions exemptions) {
        ExplanationBuilder x = new ExplanationBuilder("CO_PAYMENT", Param.CO_PAYMENT.legalReference());
        x.input("purchaseDate", purchaseDate).input("jobSeeker", exemptions.jobSeeker())
                .input("employerOrOpcoTopUp", exemptions.employerOrOpcoTopUp())
                .input("paidWithC2pPoints", exemptions.paidWithC2pPoints())
                .input("workAccidentTopUp", exemptions.workAccidentTopUp());
        var value = table.find(Param.CO_PAYMENT, purchaseDate);
        if (value.isEmpty()) {
            return new Result(0, x.result("0 (no co-payment on " + purchaseDate + ")"));
        }
        long amount = x.use(value.get());
        String exemption = exemptions.jobSeeker() ? "job seeker"
                : exemptions.employerOrOpcoTopUp() ? "employer or OPCO top-up"
                : exemptions.paidWithC2pPoints() ? "paid with C2P points"
                : exemptions.workAccidentTopUp() ? "work-accident top-up" : null;
        if (exemption != null) {
            return new Result(0, x.result("0 (exempt: " + exemption + ")"));
        }
        return new Result(amount, x.result(euros(amount) + " due by the holder outside the CPF"));
    }
}
