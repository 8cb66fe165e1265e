package fr.cpa.civic.engagement;

import fr.cpa.civic.rules.ActivityKind;
import fr.cpa.civic.rules.AssociationRole;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** An engagement as the API shows it; {@code status} is as of today (a late one reads LAPSED). */
@Schema(name = "CecEngagement")
public record EngagementView(
        UUID id, UUID declarationId, UUID holderId, int year, ActivityKind kind, EngagementStatus status,
        String rna, String siret, AssociationRole role,
        @Schema(description = "quantities by field name, e.g. {\"hours\": 120}") Map<String, Integer> quantities,
        LocalDate associationRegisteredOn, String reference, Instant declaredAt, Instant decidedAt, String reason,
        @Schema(description = "last day the association may decide (31 December of the next year)") LocalDate validationDeadline,
        @Schema(description = "what this engagement did to the CEC, when decided") List<String> explanation) {

    static EngagementView of(Engagement e, LocalDate today, List<String> explanation) {
        Map<String, Integer> quantities = new LinkedHashMap<>();
        e.quantities().forEach((q, v) -> quantities.put(q.field(), v));
        return new EngagementView(e.id, e.declarationId, e.holderId, e.year, e.kind, e.statusOn(today), e.rna, e.siret,
                e.role, quantities, e.associationRegisteredOn, e.reference, e.declaredAt, e.decidedAt, e.reason,
                e.origin == Origin.HOLDER ? e.validationDeadline() : null, explanation);
    }
}
