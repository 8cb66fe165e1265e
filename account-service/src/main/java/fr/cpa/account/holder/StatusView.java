package fr.cpa.account.holder;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A dated situation as the API shows it. */
@Schema(name = "HolderStatus")
public record StatusView(UUID id, Situation status,
                         @Schema(description = "A, B or C for a civil servant") String category,
                         LocalDate from,
                         @Schema(description = "last day, inclusive; null while it lasts") LocalDate to,
                         @Schema(description = "role that recorded it") String declaredBy) {

    static StatusView of(StatusPeriod period) {
        return new StatusView(period.id, period.status, period.category, period.startDate, period.endDate,
                period.declaredBy);
    }

    /** Every period of a holder, and the ones in force today. */
    @Schema(name = "HolderStatuses")
    public record History(UUID holderId, List<StatusView> periods, List<StatusView> current) {
    }
}
