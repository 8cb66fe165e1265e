package fr.cpa.account.holder;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * {@code cpa.holder.v1} / {@code HolderIdentityActivated}: a holder created from a payroll declaration
 * (identity PENDING) was claimed by the person, who registered with the same NIR; same holder id, so
 * everything declared before stays theirs. {@code birthDate} is the one the person gave, which may
 * correct the employer's. Not a {@code HolderStatusChanged}: that event carries a dated situation
 * (EMPLOYEE, JOB_SEEKER…) that consumers record as such, and an identity is not a situation.
 *
 * <p>Kept here because the shared contract ({@code fr.cpa.platform.contract}) is frozen this session;
 * consumers that do not know the type ignore it (as they do HolderSkillsUpdated).
 */
public record HolderIdentityActivated(UUID holderId, LocalDate birthDate, Instant activatedAt) {
    public static final String TYPE = "HolderIdentityActivated";
}
