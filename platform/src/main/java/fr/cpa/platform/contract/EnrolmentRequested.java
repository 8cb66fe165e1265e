package fr.cpa.platform.contract;

import fr.cpa.platform.money.Money;

import java.time.LocalDate;
import java.util.UUID;

/**
 * {@code cpa.enrolment.v1} / {@code EnrolmentRequested}: a holder asks to buy a training session;
 * training-rights answers with {@code FundsReserved} or {@code FundsRefused}.
 *
 * @param certificationType RNCP, RS, VAE, BILAN, DRIVING_LICENCE, BUSINESS_CREATION, CLEA or VOLUNTEER_TRAINING
 *                          (volunteer-mission training: paid with CEC money only, and the one purchase a holder who
 *                          claimed their pension may still make)
 * @param jobSeeker         the holder's situation at the request (co-payment exemption, licence rule)
 * @param employerCoFunding what the holder says an employer or OPCO adds: informational only, never trusted
 *                          (an exemption or the driving-licence opening comes from a top-up actually spent)
 */
public record EnrolmentRequested(UUID enrolmentId, UUID holderId, UUID offerId, String certificationType,
                                 String certificationCode, Money price, LocalDate startDate, boolean jobSeeker,
                                 Money employerCoFunding) {
    public static final String TYPE = "EnrolmentRequested";
}
