package fr.cpa.account.access;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** One access to a holder's account, as the holder reads it. */
public record AccessEntry(
        Instant at,
        @Schema(description = "who: the subject of their token", example = "advisor-4521") String accessor,
        @Schema(example = "advisor") String role,
        @Schema(enumeration = {"LOOKUP", "SUMMARY_READ"}) String action,
        @Schema(description = "why, as the advisor gave it", example = "rendez-vous France Travail du 3 mars") String reason) {
}
