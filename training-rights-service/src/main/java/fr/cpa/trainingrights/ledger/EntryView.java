package fr.cpa.trainingrights.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import fr.cpa.platform.money.Money;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A ledger entry as the API shows it, with its explanation. */
@Schema(name = "CpfEntry")
public record EntryView(
        UUID id,
        @Schema(description = "1, 2, 3… per holder") long line,
        @Schema(enumeration = {"ACQUISITION", "CONVERSION", "TOP_UP", "CEC", "C2P", "HOLD", "CAPTURE", "RELEASE", "REFUND"}) String kind,
        @Schema(description = "ORDINARY, CEC, TOP_UP:<id>, HOURS_ERA or CIVIL_SERVANT_HOURS") String pot,
        @Schema(description = "signed change of the pot's money") Money amount,
        @Schema(description = "signed change of what is held") Money held,
        @Schema(description = "signed change of hours, in minutes") long minutes,
        Integer year,
        UUID enrolmentId,
        String topUpKind,
        String funder,
        List<String> earmarkedTo,
        Instant createdAt,
        @Schema(description = "rule, legal reference, parameters, inputs and arithmetic") JsonNode explanation) {
}
