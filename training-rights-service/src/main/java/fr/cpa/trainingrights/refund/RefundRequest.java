package fr.cpa.trainingrights.refund;

import fr.cpa.platform.money.Money;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.UUID;

/** What a training organisation pays back for an enrolment, recorded on the holder's CPF. */
@Schema(name = "CpfRefundRequest")
public record RefundRequest(
        @NotNull @Schema(required = true, description = "the enrolment whose captured rights are paid back") UUID enrolmentId,
        @NotNull @Valid @Schema(required = true, description = "what is paid back, at most what was captured and not yet refunded") Money amount,
        @NotBlank @Size(max = 500) @Schema(required = true, example = "training ended after 3 of 10 days") String reason) {
}
