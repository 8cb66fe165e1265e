package fr.cpa.trainingrights.rules;

import java.util.Arrays;
import java.util.Optional;

/**
 * Who pays a top-up (DOMAIN.md §1 "Top-ups": employer, OPCO, region, France Travail, the State, Agefiph, the holder;
 * social security for the work-accident top-up). A TOP_UP entry's funder starts with it ("EMPLOYER SIRET …",
 * "REGION young-without-diploma"). What it waives or opens is decided here, from money actually on the account, never
 * from what a request declares.
 */
public enum FunderType {
    EMPLOYER, OPCO, REGION, FRANCE_TRAVAIL, STATE, AGEFIPH, HOLDER, SOCIAL_SECURITY;

    /** DOMAIN.md §1 co-payment: exempt are "purchases with an employer or OPCO top-up" — those two funders only. */
    public boolean exemptsCoPayment() {
        return this == EMPLOYER || this == OPCO;
    }

    /**
     * DOMAIN.md §1 eligible purchases: from 26 Feb 2026 a driving licence is open to a non-job-seeker only "with a
     * third-party co-funding". A third party is anyone but the holder: the employer, the OPCO and the public funders
     * (region, France Travail, the State, Agefiph, social security) all put in money that is not the holder's; the
     * holder's own top-up is their money moved to a pot, not a co-funding.
     */
    public boolean isThirdParty() {
        return this != HOLDER;
    }

    /** The type of a TOP_UP entry's funder (its first word); empty for anything else (C2P money has no funder). */
    public static Optional<FunderType> ofFunder(String funder) {
        if (funder == null || funder.isBlank()) {
            return Optional.empty();
        }
        String first = funder.strip().split(" ", 2)[0];
        return Arrays.stream(values()).filter(t -> t.name().equals(first)).findFirst();
    }
}
