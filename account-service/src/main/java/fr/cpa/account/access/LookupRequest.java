package fr.cpa.account.access;

import fr.cpa.account.nir.ValidNir;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An advisor's look-up: the NIR in the body (never in a URL) and why. */
public record LookupRequest(
        @Schema(example = "184127645108946") @NotBlank @ValidNir String nir,
        @Schema(example = "rendez-vous France Travail du 3 mars", description = "required: written to the holder's access log")
        @NotBlank @Size(max = AccessLog.MAX_REASON) String reason) {
}
