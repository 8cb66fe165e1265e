package fr.cpa.trainingrights.simulation;

import fr.cpa.platform.money.Money;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** {@code POST /api/v1/cpf/simulations}: a holder's situation and activity, year by year. */
@Schema(name = "CpfSimulationRequest")
public record SimulationRequest(
        @Schema(required = true) Holder holder,
        @Schema(description = "euros on the account before the first year (default 0)") Money openingBalance,
        @Schema(description = "CPF hours on the account before the first year (default 0), without the DIF hours (see openingDifHours); civil-servant hours if the first year is in the public service", example = "96")
        BigDecimal openingHours,
        @Schema(description = "old DIF hours before the first year (default 0): outside the hours-era step and 150 h cap, converted with the CPF hours at 15 € an hour on 1 January 2019 (DOMAIN.md: 96 CPF h + 120 DIF h = 216 h → 3 240 €); added to the civil-servant hours if the first year is in the public service", example = "120")
        BigDecimal openingDifHours,
        @Schema(required = true, description = "strictly increasing years, from 2015") List<Year> years) {

    @Schema(name = "CpfSimulationHolder")
    public record Holder(
            @Schema(required = true, example = "1990-04-02") LocalDate birthDate,
            @Schema(description = "no level-3 diploma (CAP/BEP), declared; default for every year") Boolean lowQualified,
            @Schema(description = "disabled worker under the employment obligation (OETH); default for every year") Boolean disabledWorker) {
    }

    @Schema(name = "CpfSimulationYear")
    public record Year(
            @Schema(required = true, example = "2022") Integer year,
            @Schema(description = "overrides the holder's lowQualified for this year") Boolean lowQualified,
            @Schema(description = "overrides the holder's disabledWorker for this year") Boolean disabledWorker,
            @Schema(required = true) List<Activity> activities) {
    }

    @Schema(name = "CpfSimulationActivity")
    public record Activity(
            @Schema(required = true, enumeration = {"EMPLOYEE", "CIVIL_SERVANT", "SELF_EMPLOYED", "ESAT", "JOB_SEEKER"}) String kind,
            @Schema(description = "EMPLOYEE paid by the hour: hours worked in the year", example = "700") BigDecimal workedHours,
            @Schema(description = "EMPLOYEE: agreed full-time hours (default 1607)", example = "1607") BigDecimal referenceHours,
            @Schema(description = "EMPLOYEE on forfait-jours: the forfait's days (at most 218 count)", example = "218") Integer forfaitDays,
            @Schema(description = "EMPLOYEE on forfait-jours: days worked (default: forfaitDays)") Integer workedDays,
            @Schema(description = "EMPLOYEE paid without an hours basis: gross pay of the year") Money grossPay,
            @Schema(description = "EMPLOYEE: absences counted as worked (maternity, work accident…), hours") BigDecimal countedAbsenceHours,
            @Schema(description = "required when worked time exceeds 1.5 × the reference") String workedTimeExplanation,
            @Schema(description = "CIVIL_SERVANT: A, B or C") String category,
            @Schema(description = "SELF_EMPLOYED: days of activity in the year") Integer activityDays,
            @Schema(description = "SELF_EMPLOYED: the training contribution (CFP) was paid") Boolean contributionPaid) {
    }
}
