package fr.cpa.platform.contract;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * {@code cpa.holder.v1} / {@code HolderRegistered}: a person now has a CPA. Published by
 * account-service; every other service opens its side of the account from it. Carries no NIR.
 *
 * @param statuses           the holder's situations known at registration (may be empty)
 * @param lowQualifiedFrom   first day the low-qualified declaration applies, if any
 * @param disabledWorkerFrom first day of the disabled-worker (OETH) recognition, if any
 */
public record HolderRegistered(
        UUID holderId,
        LocalDate birthDate,
        List<HolderStatus> statuses,
        LocalDate lowQualifiedFrom,
        LocalDate disabledWorkerFrom) {

    public static final String TYPE = "HolderRegistered";

    /** One dated situation of a holder: EMPLOYEE, CIVIL_SERVANT (with category A/B/C), JOB_SEEKER… */
    public record HolderStatus(String status, String category, LocalDate from, LocalDate to) {
    }
}
