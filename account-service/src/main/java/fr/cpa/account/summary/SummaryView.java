package fr.cpa.account.summary;

import fr.cpa.account.holder.StatusView;
import fr.cpa.platform.money.Money;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The CPA's front page: the three accounts, the situations in force and the open enrolments. */
@Schema(name = "CpaSummary")
public record SummaryView(
        UUID holderId,
        @Schema(description = "time of the latest account event applied; null before any") Instant asOf,
        Cpf cpf,
        C2p c2p,
        Cec cec,
        @Schema(description = "situations in force today") List<StatusView> statuses,
        List<Enrolment> openEnrolments) {

    @Schema(name = "CpfSummary")
    public record Cpf(Money ordinary, Money cec, Money topUps, Money held, Money available,
                      @Schema(description = "hours (civil servants, pre-2019) in minutes") long hoursMinutes,
                      Instant asOf) {
    }

    @Schema(name = "C2pSummary")
    public record C2p(@Schema(description = "points") int total,
                      @Schema(description = "points kept for training or reconversion") int reservedForTraining,
                      @Schema(description = "points usable for any use") int usable,
                      Instant asOf) {
    }

    @Schema(name = "CecSummary")
    public record Cec(Money total, @Schema(description = "2017–2018 hours, in minutes") long totalMinutes,
                      Instant asOf) {
    }

    @Schema(name = "OpenEnrolment")
    public record Enrolment(UUID enrolmentId, UUID offerId,
                            @Schema(description = "REQUESTED or IN_TRAINING") String state,
                            LocalDate startDate, Instant since,
                            @Schema(description = "its money (cpa.funding.v1); null before any funding event")
                            Funding funding) {
    }

    @Schema(name = "EnrolmentFunding")
    public record Funding(@Schema(description = "RESERVED, REFUSED, CAPTURED or RELEASED") String state,
                          @Schema(description = "held on the accounts while RESERVED") Money held,
                          @Schema(description = "left for the holder to pay, as reserved") Money remainderDueByHolder,
                          @Schema(description = "spent when the training started") Money captured,
                          Instant asOf) {
    }
}
