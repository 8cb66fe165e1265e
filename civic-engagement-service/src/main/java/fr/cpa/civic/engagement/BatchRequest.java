package fr.cpa.civic.engagement;

import fr.cpa.civic.rules.ActivityKind;
import fr.cpa.civic.simulation.SimulationRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.UUID;

/** Body of {@code POST /api/v1/engagements/batch}: activities attested by their responsible body. */
@Schema(name = "CecBatchRequest")
public record BatchRequest(
        @Schema(description = "the body's reference of this batch: sending it again replays the first answer",
                example = "SDIS-69-2024-01") @NotBlank @Size(max = 100) String reference,
        @NotNull @Size(min = 1, max = 1000) List<@NotNull @Valid Item> engagements) {

    /** One holder's activity of a year, with the quantity fields of its kind (as in the simulation). */
    @Schema(name = "CecBatchEngagement")
    public record Item(
            @NotNull UUID holderId,
            @Schema(example = "2024") @NotNull @Min(2017) @Max(2100) Integer year,
            @Schema(example = "VOLUNTEER_FIREFIGHTER") @NotNull ActivityKind kind,
            @PositiveOrZero @Max(120) Integer months,
            @PositiveOrZero @Max(366) Integer days,
            @PositiveOrZero @Max(8784) Integer hours,
            @PositiveOrZero @Max(8784) Integer maxHoursInOneAssociation,
            @Schema(example = "5") @PositiveOrZero @Max(50) Integer engagementYears,
            @PositiveOrZero @Max(50) Integer continuousYears,
            @PositiveOrZero @Max(366) Integer duties,
            @PositiveOrZero @Max(1000) Integer interventions,
            @PositiveOrZero @Max(8784) Integer maxHoursInOneBody) {

        SimulationRequest.ActivityInput activity() {
            return new SimulationRequest.ActivityInput(kind, months, days, hours, maxHoursInOneAssociation,
                    engagementYears, continuousYears, duties, interventions, maxHoursInOneBody);
        }
    }
}
