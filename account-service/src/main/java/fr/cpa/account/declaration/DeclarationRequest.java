package fr.cpa.account.declaration;

import fr.cpa.platform.money.Money;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The body of {@code POST /api/v1/declarations}, for the OpenAPI document only: the service reads it
 * as a stream (up to 50 000 employees) with {@link DeclarationService}. Payroll vendors code against
 * these names: extend, never rename.
 */
@Schema(name = "DeclarationRequest")
record DeclarationRequest(
        @Schema(description = "chosen by the payroll system; the same id with the same body is a replay")
        UUID declarationId,
        @Schema(example = "73282932000074", description = "14 digits, Luhn (La Poste: digit sum a multiple of 5)")
        String siret,
        @Schema(example = "2025-03", description = "the month declared") String period,
        List<Employee> employees) {

    @Schema(name = "DeclaredEmployee")
    record Employee(
            @Schema(example = "184127645108946", description = "15 characters with the key") String nir,
            @Schema(example = "Durand") String lastName,
            @Schema(example = "Paul") String firstName,
            @Schema(example = "1984-12-10") LocalDate birthDate,
            Contract contract,
            @Schema(example = "HOURS", enumeration = {"HOURS", "DAYS", "NONE"}) String timeUnit,
            @Schema(example = "151.67", description = "hours (2 decimals) for HOURS, whole days for DAYS, null for NONE")
            BigDecimal paidTime,
            @Schema(example = "151.67", description = "the category's full time in the month, same unit")
            BigDecimal referenceTime,
            @Schema(example = "100", description = "percent of full time, 1–100; required for HOURS") Integer partTimeRate,
            @Schema(description = "gross pay in cents; required for NONE") Money grossPay,
            List<Absence> absences,
            @Schema(description = "once a year: December, or the month the contract ends") List<Exposure> exposures) {
    }

    @Schema(name = "DeclaredContract")
    record Contract(
            @Schema(example = "CDI", enumeration = {"CDI", "CDD", "INTERIM", "APPRENTICESHIP", "PROFESSIONALISATION",
                    "INTERMITTENT", "SEASONAL", "CIVIL_SERVICE_APPOINTMENT", "PUBLIC_LAW_CONTRACT", "OTHER"}) String nature,
            @Schema(example = "2020-01-01") LocalDate start,
            LocalDate end,
            @Schema(example = "EMPLOYEE", enumeration = {"EMPLOYEE", "CIVIL_SERVANT"}) String status,
            @Schema(description = "A, B or C for a civil servant") String category) {
    }

    @Schema(name = "DeclaredAbsence")
    record Absence(
            @Schema(example = "MATERNITY", enumeration = {"MATERNITY", "PATERNITY", "ADOPTION", "PARENTAL_PRESENCE",
                    "CARER", "PARENTAL_LEAVE", "OCCUPATIONAL_DISEASE", "WORK_ACCIDENT"}) String kind,
            @Schema(example = "35") BigDecimal hours) {
    }

    @Schema(name = "DeclaredExposure", description = "exactly one of nights, hours, interventions, peaks, as the factor requires")
    record Exposure(
            @Schema(example = "NIGHT_WORK", enumeration = {"NIGHT_WORK", "ALTERNATING_SHIFTS", "REPETITIVE_WORK",
                    "HYPERBARIC", "EXTREME_TEMPERATURES", "NOISE", "MANUAL_HANDLING", "AWKWARD_POSTURES", "VIBRATION",
                    "CHEMICAL_AGENTS"}) String factor,
            @Schema(example = "110") Long nights,
            Long hours,
            Long interventions,
            Long peaks,
            @Schema(description = "months exposed in the year, 1–12; default: the contract's months in the year")
            Integer months) {
    }
}
