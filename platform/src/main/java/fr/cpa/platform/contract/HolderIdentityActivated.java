package fr.cpa.platform.contract;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * {@code cpa.holder.v1} / {@code HolderIdentityActivated}: a holder created from a payroll declaration
 * (identity pending) was claimed by the person, who registered with the same NIR; same holder id, so
 * everything declared before stays theirs. {@code birthDate} is the one the person gave, which may
 * correct the employer's. Not a {@code HolderStatusChanged}: that event carries a dated situation
 * (EMPLOYEE, JOB_SEEKER…) that consumers record as such, and an identity is not a situation.
 * Consumers that have no use for it ignore it. An addition to EVENTS.md's catalogue.
 */
public record HolderIdentityActivated(UUID holderId, LocalDate birthDate, Instant activatedAt) {
    public static final String TYPE = "HolderIdentityActivated";
}
