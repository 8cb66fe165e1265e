package fr.cpa.civic.simulation;

import fr.cpa.platform.money.Money;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** Answer of {@code POST /api/v1/cec/simulations}. */
@Schema(name = "CecSimulationResponse")
public record SimulationResponse(
        List<YearCredit> years,
        @Schema(description = "euros credited from 2019 on") Money total,
        @Schema(description = "hours credited for 2017–2018") long totalHours) {

    @Schema(name = "CecSimulationYearCredit")
    public record YearCredit(
            int year,
            @Schema(description = "the year's credit from 2019; null for 2017–2018") Money credit,
            @Schema(description = "the year's credit in hours for 2017–2018; null from 2019") Long creditHours,
            @Schema(description = "why, line by line") List<String> explanation) {
    }
}
