package fr.cpa.civic.engagement;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** Answer of {@code POST /api/v1/engagements/batch}: each engagement recorded, with what it earned and why. */
@Schema(name = "CecBatchResponse")
public record BatchResponse(String reference, List<EngagementView> engagements) {
}
