package fr.cpa.civic.simulation;

import fr.cpa.civic.rules.ActivityKind;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** Body of {@code POST /api/v1/cec/simulations}: activities year by year. */
@Schema(name = "CecSimulationRequest")
public record SimulationRequest(
        @Schema(description = "the years to simulate, each at most once")
        @NotNull @Size(min = 1, max = 20) List<@NotNull @Valid Year> years) {

    @Schema(name = "CecSimulationYear")
    public record Year(
            @Schema(example = "2023", description = "from 2017, when the CEC opened") @NotNull @Min(2017) @Max(2100) Integer year,
            @NotNull @Size(min = 1, max = 20) List<@NotNull @Valid ActivityInput> activities) {
    }

    /** One activity; only the quantity fields of its kind are allowed, and all of them are required. */
    @Schema(name = "CecActivity")
    public record ActivityInput(
            @Schema(example = "ASSOCIATION_VOLUNTEERING") @NotNull ActivityKind kind,
            @Schema(description = "CIVIC_SERVICE (continuous months), APPRENTICESHIP_MASTER") @PositiveOrZero @Max(120) Integer months,
            @Schema(description = "MILITARY_RESERVE, HEALTH_RESERVE: days in the year") @PositiveOrZero @Max(366) Integer days,
            @Schema(description = "ASSOCIATION_VOLUNTEERING, CIVIC_RESERVE: hours in the year", example = "210") @PositiveOrZero @Max(8784) Integer hours,
            @Schema(description = "ASSOCIATION_VOLUNTEERING: hours in the association with the most", example = "120") @PositiveOrZero @Max(8784) Integer maxHoursInOneAssociation,
            @Schema(description = "VOLUNTEER_FIREFIGHTER, COMMUNAL_RESERVE: years of the engagement") @PositiveOrZero @Max(50) Integer engagementYears,
            @Schema(description = "POLICE_RESERVE: continuous years of engagement") @PositiveOrZero @Max(50) Integer continuousYears,
            @Schema(description = "POLICE_RESERVE: duties in the year") @PositiveOrZero @Max(366) Integer duties,
            @Schema(description = "EDUCATION_RESERVE: interventions in the year") @PositiveOrZero @Max(1000) Integer interventions,
            @Schema(description = "CIVIC_RESERVE: hours in the host body with the most") @PositiveOrZero @Max(8784) Integer maxHoursInOneBody) {
    }
}
