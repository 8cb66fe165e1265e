package fr.cpa.trainingrights.simulation;

import fr.cpa.platform.money.Money;
import fr.cpa.trainingrights.rules.Explanation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.List;

/** The simulated credits, year by year, and the closing balances. */
@Schema(name = "CpfSimulation")
public record SimulationResponse(List<YearOutcome> years, Money balance, BigDecimal hoursBalance, long hoursBalanceMinutes) {

    @Schema(name = "CpfSimulationYearOutcome")
    public record YearOutcome(
            int year,
            @Schema(description = "euros credited for the year (0 when the credit is in hours)") Money credit,
            @Schema(description = "hours credited (hours era, civil servants), 2 decimals") BigDecimal creditHours,
            @Schema(description = "the same, exact, in minutes") long creditMinutes,
            @Schema(description = "the category whose rule gave the credit (the most favourable)") String category,
            @Schema(description = "hours converted to euros on 1 January 2019 at this point, if any") Money converted,
            Money balanceAfter,
            BigDecimal hoursBalanceAfter,
            long hoursBalanceAfterMinutes,
            boolean capReached,
            @Schema(description = "rule, legal reference, dated parameters, inputs and arithmetic of each step") List<Explanation> explanation) {
    }
}
