package fr.cpa.platform.contract;

import java.time.LocalDate;
import java.util.UUID;

/**
 * {@code cpa.holder.v1} / {@code HolderStatusChanged}: a dated situation of the holder starts, ends or
 * changes. {@code status} is one of EMPLOYEE, CIVIL_SERVANT, SELF_EMPLOYED, JOB_SEEKER, ESAT,
 * YOUNG_WITHOUT_DIPLOMA, VOLUNTEER, LOW_QUALIFIED, DISABLED_WORKER; {@code category} A/B/C for civil
 * servants; {@code to} null while it lasts.
 */
public record HolderStatusChanged(UUID holderId, String status, String category, LocalDate from, LocalDate to) {
    public static final String TYPE = "HolderStatusChanged";
}
