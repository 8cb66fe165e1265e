package fr.cpa.account.payslip;

import fr.cpa.platform.money.Money;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/** A payslip's description; the PDF itself is downloaded separately. */
@Schema(name = "Payslip")
public record PayslipView(UUID id, UUID holderId, @Schema(example = "73282932000074") String siret,
                          @Schema(example = "2025-03") String period, Money netPay, Money grossPay,
                          @Schema(description = "bytes of the PDF") int size, Instant uploadedAt) {
}
