package fr.cpa.civic.engagement;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

/** Body of {@code POST /api/v1/engagements/{id}/validation}: the association's decision. */
@Schema(name = "CecValidationRequest")
public record ValidationRequest(
        @Schema(example = "VALIDATED") @NotNull Decision decision,
        @Schema(description = "when the association was registered (déclarée en préfecture); required to validate",
                example = "2015-03-01") @PastOrPresent LocalDate associationRegisteredOn,
        @Schema(description = "why, when rejecting") @Size(max = 500) String reason) {

    public enum Decision { VALIDATED, REJECTED }
}
