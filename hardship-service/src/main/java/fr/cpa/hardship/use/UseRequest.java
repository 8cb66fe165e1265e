package fr.cpa.hardship.use;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code POST /api/v1/holders/{id}/c2p/uses}. */
@Schema(name = "C2pUseRequest")
public record UseRequest(
        @Schema(enumeration = {"TRAINING", "RECONVERSION", "PART_TIME", "RETIREMENT"}, example = "TRAINING") String use,
        @Schema(example = "10") Integer points) {
}
