package fr.cpa.platform.contract;

import java.time.LocalDate;
import java.util.UUID;

/**
 * {@code cpa.enrolment.v1} / {@code EnrolmentStarted}, {@code EnrolmentCancelled},
 * {@code EnrolmentRefused}, {@code EnrolmentCompleted}: the enrolment moved on at {@code date}.
 * For a cancellation, {@code fullRecredit} says whether the rights come back in full (more than 7
 * working days before the start).
 */
public record EnrolmentTransition(UUID enrolmentId, UUID holderId, String reason, LocalDate date,
                                  Boolean fullRecredit) {
    public static final String STARTED = "EnrolmentStarted";
    public static final String CANCELLED = "EnrolmentCancelled";
    public static final String REFUSED = "EnrolmentRefused";
    public static final String COMPLETED = "EnrolmentCompleted";
}
