package fr.cpa.catalogue.offer;

import fr.cpa.catalogue.rules.CertificationType;
import fr.cpa.catalogue.rules.Modality;
import fr.cpa.platform.money.Money;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

/** The offer-management endpoints' bodies. */
public final class OfferApi {

    private OfferApi() {
    }

    @Schema(description = "An offer as its organisation writes it (open-data fields, DOMAIN.md §4)")
    public record OfferRequest(
            @Schema(description = "numero_formation", example = "78959578200051_M-FOR1512")
            @NotBlank @Size(max = 150) @Pattern(regexp = "[A-Za-z0-9_.\\-]+", message = "letters, digits, _ . - only") String number,
            @Schema(example = "Photoshop sur mesure") @NotBlank @Size(max = 500) String title,
            @Size(max = 20000) String objective,
            @Size(max = 50000) String content,
            @Schema(description = "RNCP, RS, CLEA, VAE, BILAN, DRIVING_LICENCE, BUSINESS_CREATION, VOLUNTEER_TRAINING"
                    + " (formation des bénévoles et volontaires: training for volunteers' missions, paid with CEC money only)"
                    + " or OTHER (listed, not CPF-payable)", example = "RS") @NotNull CertificationType certificationType,
            @Schema(description = "required for RNCP and RS (RNCP<digits>, RS<digits>); none for the other types",
                    example = "RS6204") @Pattern(regexp = "(RNCP|RS)\\d{1,6}", message = "must be RNCP<digits> or RS<digits>") String certificationCode,
            @Schema(example = "Tosa Photoshop") @Size(max = 500) String certificationTitle,
            @Schema(example = "[\"46006\"]") @Size(max = 5) List<@Pattern(regexp = "\\d{5}", message = "must be 5 digits") String> formacodes,
            @Schema(example = "[\"E1205\"]") @Size(max = 5) List<@Pattern(regexp = "[A-N]\\d{4}", message = "must be a ROME code (letter A-N and 4 digits)") String> romeCodes,
            @Schema(description = "total duration in minutes", example = "1260") @NotNull @Min(1) @Max(10_000 * 60) Integer durationMinutes,
            @NotNull @Valid Money price,
            @Schema(example = "ON_SITE") @NotNull Modality modality,
            @Schema(description = "INSEE department code; required unless REMOTE", example = "34")
            @Pattern(regexp = "\\d{2,3}|2A|2B", message = "must be an INSEE department code") String departmentCode,
            @Schema(description = "the organisation checks prerequisites before accepting an enrolment: it then has 30 working days to answer, not 2 (DOMAIN.md §4)", example = "false")
            Boolean prerequisites) {
    }

    @Schema(description = "A session: dates, seats, place")
    public record SessionRequest(
            @Schema(example = "2027-01-11") @NotNull LocalDate startDate,
            @Schema(example = "2027-01-13") @NotNull LocalDate endDate,
            @Schema(example = "12") @NotNull @Min(1) @Max(10_000) Integer seats,
            @Schema(example = "Montpellier") @Size(max = 250) String place,
            @Schema(example = "34") @Pattern(regexp = "\\d{2,3}|2A|2B", message = "must be an INSEE department code") String departmentCode,
            boolean remote) {
    }

    public record SessionView(String id, LocalDate startDate, LocalDate endDate, int seats, String place,
                              String departmentCode, boolean remote, TrainingSession.Status status) {
        static SessionView of(TrainingSession s) {
            return new SessionView(s.id.toString(), s.startDate, s.endDate, s.seats, s.place, s.departmentCode,
                    s.remote, s.status);
        }
    }

    public record Certification(CertificationType type, String code, String title) {
    }

    @Schema(description = "An offer as its organisation sees it, drafts included")
    public record OfferView(String id, String number, String siret, String title, String objective, String content,
                            Certification certification, List<String> formacodes, List<String> romeCodes,
                            Integer durationMinutes, Money price, Modality modality, List<String> regionCodes,
                            List<String> departmentCodes, Offer.Status status, boolean cpfEligible,
                            LocalDate nextSessionStart, List<SessionView> sessions, boolean prerequisites) {
    }

    public record OfferPage(List<OfferView> items, long total, int page, int size) {
    }
}
