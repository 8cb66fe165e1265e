package fr.cpa.account.holder;

import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

/** Bodies of the status endpoints. */
final class StatusRequests {

    private StatusRequests() {
    }

    /** Body of {@code POST /api/v1/holders/{id}/statuses}. */
    @Schema(name = "AddHolderStatusRequest")
    public record Add(
            @Schema(example = "CIVIL_SERVANT", description = "EMPLOYEE, CIVIL_SERVANT, SELF_EMPLOYED, JOB_SEEKER, ESAT, "
                    + "YOUNG_WITHOUT_DIPLOMA or VOLUNTEER") @NotNull Situation status,
            @Schema(example = "C", description = "A, B or C, for a civil servant only") String category,
            @Schema(example = "2024-09-01") @NotNull LocalDate from,
            @Schema(description = "last day, inclusive; null while it lasts") LocalDate to) {
    }

    /** Body of {@code PATCH …/statuses/{statusId}} and {@code POST …/low-qualified/end}. */
    @Schema(name = "EndHolderStatusRequest")
    public record End(@Schema(example = "2025-06-30", description = "last day, inclusive") @NotNull LocalDate to) {
    }

    /** Body of {@code POST /api/v1/holders/{id}/disabled-worker}: an OETH recognition. */
    @Schema(name = "DisabledWorkerRequest")
    public record DisabledWorker(@Schema(example = "2023-02-01") @NotNull LocalDate from,
                                 @Schema(description = "end of the recognition, inclusive; null if open-ended")
                                 LocalDate to) {
    }
}
