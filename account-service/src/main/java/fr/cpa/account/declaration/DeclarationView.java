package fr.cpa.account.declaration;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A declaration version as its employer sees it: status and counts, never the employees' NIRs. */
@Schema(name = "Declaration")
public record DeclarationView(
        UUID declarationId,
        @Schema(example = "73282932000074") String siret,
        @Schema(example = "2025-03") String period,
        @Schema(description = "1 for the first declaration of the SIRET and month, then 2, 3… for replacements")
        int version,
        @Schema(description = "ACCEPTED (current) or REPLACED (by a later version)") String status,
        @Schema(description = "employee-months accepted") int employees,
        @Schema(description = "hardship exposures accepted") int exposures,
        @Schema(description = "holders created for NIRs nobody had registered (identity pending)") int pendingHolders,
        @Schema(description = "the version this one replaced") UUID replaces,
        @Schema(description = "the version that replaced this one") UUID replacedBy,
        Instant receivedAt) {

    static DeclarationView of(Declaration d) {
        return new DeclarationView(d.id, d.siret, d.period, d.version, d.status, d.employees, d.exposures,
                d.pendingHolders, d.replaces, d.replacedBy, d.receivedAt);
    }

    @Schema(name = "DeclarationPage")
    public record Page(List<DeclarationView> items, int page, int size, long total) {
    }
}
