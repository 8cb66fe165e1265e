package fr.cpa.trainingrights.topup;

import fr.cpa.platform.money.Money;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** {@code POST /api/v1/holders/{id}/cpf/top-ups}: an abondement, outside the cap. */
@Schema(name = "CpfTopUpRequest")
public record TopUpRequest(
        @Schema(required = true, enumeration = {"CORRECTIVE", "COLLECTIVE_AGREEMENT_REFUSAL", "WORK_ACCIDENT", "VOLUNTARY"}) String kind,
        @Schema(description = "fixed for CORRECTIVE (3 000 €) and WORK_ACCIDENT (7 500 €); at least 3 000 € for COLLECTIVE_AGREEMENT_REFUSAL; any positive amount for VOLUNTARY")
        Money amount,
        @Schema(description = "who pays: EMPLOYER, OPCO, REGION, FRANCE_TRAVAIL, STATE, AGEFIPH, HOLDER, SOCIAL_SECURITY."
                + " An employer's token may name only EMPLOYER (422 funder-not-allowed otherwise); it decides the co-payment"
                + " exemption (EMPLOYER, OPCO) and the driving licence's third-party co-funding (all but HOLDER)", example = "EMPLOYER")
        String funderType,
        @Schema(description = "certification codes the money is earmarked to (RNCP/RS codes); empty: any eligible training")
        List<String> earmarkedTo,
        @Schema(description = "WORK_ACCIDENT: permanent incapacity rate, at least 10", example = "12") Integer incapacityPercent,
        @Schema(description = "WORK_ACCIDENT: the accident or disease reference (once per accident); others: the funder's reference")
        String reference) {
}
