package fr.cpa.catalogue.enrolment;

import fr.cpa.catalogue.rules.CertificationType;
import fr.cpa.platform.money.Money;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The enrolment API's bodies and views. */
public final class EnrolmentApi {

    private EnrolmentApi() {
    }

    @Schema(description = "A holder asks to buy a session of a published, CPF-payable offer")
    public record EnrolmentRequest(
            @Schema(description = "the session to enrol in", example = "7d9f0a4e-2b1c-4c7e-9a51-0c2f5b9d1e11") @NotNull UUID sessionId,
            @Schema(description = "Deprecated, informational only: what the holder says an employer or OPCO adds. It grants"
                    + " no exemption and lifts no limit (neither the co-payment nor the driving-licence co-funding rule):"
                    + " only a top-up actually paid onto the CPF by the employer or OPCO and spent on the enrolment counts."
                    + " Still accepted so that existing clients keep working; none if absent",
                    example = "{\"amount\": 0, \"currency\": \"EUR\"}") @Valid Money employerCoFunding) {
    }

    @Schema(description = "Why the organisation refuses or cancels")
    public record ReasonRequest(
            @Schema(example = "Session full") @NotBlank @Size(max = 500) String reason) {
    }

    @Schema(description = "Why the holder or the organisation cancels (optional)")
    public record CancelRequest(@Schema(example = "Change of plans") @Size(max = 500) String reason) {
    }

    @Schema(description = "What the CPF side answered and settled")
    public record Funding(Money held, Money remainderDueByHolder, Money coPayment, Money captured, Money released) {
    }

    public record Certification(CertificationType type, String code, String title) {
    }

    @Schema(description = "An enrolment and where it stands", example = """
            {"id": "1b0e2c1a-4f0b-4a53-8a43-6a3e1f1f7c10", "holderId": "5f0c…", "state": "AWAITING_ORGANISATION",
             "offerId": "…", "offerTitle": "Développeur web", "sessionId": "…", "startDate": "2027-03-01",
             "siret": "78959578200051", "price": {"amount": 120000, "currency": "EUR"}, "deadline": "2026-12-07"}""")
    public record EnrolmentView(UUID id, UUID holderId, String state, UUID offerId, String offerTitle, UUID sessionId,
                                LocalDate startDate, String siret, String organisationName, Certification certification,
                                Money price, Money employerCoFunding, boolean jobSeeker, String region,
                                @Schema(description = "the last day the awaited party may act (working days, DOMAIN.md §4)")
                                LocalDate deadline, Funding funding, Instant requestedAt, LocalDate acceptedOn,
                                LocalDate validatedOn, LocalDate startedOn, LocalDate endedOn, LocalDate completedOn,
                                LocalDate closedOn,
                                @Schema(description = "HOLDER, ORGANISATION, TRAINING_RIGHTS or DEADLINE") String closedBy,
                                @Schema(description = "stable code or the organisation's words; for a funds refusal, the CPF's reason code")
                                String reason,
                                @Schema(description = "for a funds refusal, the sentence for the holder") String reasonDetail,
                                Boolean fullRecredit) {
    }

    public record EnrolmentList(List<EnrolmentView> items) {
    }
}
