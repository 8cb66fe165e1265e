package fr.cpa.account.stats;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** {@code GET /api/v1/stats/accounts}: aggregated, non-personal figures (STATS.md, issue 10). */
public record AccountStats(
        Instant asOf,
        @Schema(description = "per UTC day of the period: declarations received, accepted (each version counts "
                + "once, replaced or not), refused as invalid, and the employee-months of those accepted")
        List<Day> declarationsByDay,
        @Schema(example = "0.1", description = "refused / received over the period, 4 decimals; 0 when none received")
        double rejectionRate,
        @Schema(description = "the 10 most frequent reasons, each counted once per refused declaration")
        List<Reason> topRejectionReasons,
        @Schema(description = "holders with the situation in force today")
        List<Status> holdersByStatus) {

    public record Day(@Schema(example = "2026-03-02") LocalDate date, @Schema(example = "10") long received,
                      @Schema(example = "9") long accepted, @Schema(example = "1") long rejected,
                      @Schema(example = "1200") long employeeMonths) {
    }

    public record Reason(@Schema(example = "employees[].nir: is not a valid NIR (15 characters whose last two are "
            + "the key 97 − number mod 97)") String reason, @Schema(example = "3") long count) {
    }

    public record Status(@Schema(example = "EMPLOYEE") String status, @Schema(example = "120") long count) {
    }
}
