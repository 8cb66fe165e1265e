package fr.cpa.civic.engagement;

import fr.cpa.civic.rules.AssociationRole;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** Body of {@code POST /api/v1/holders/{id}/engagements}: a year of association volunteering. */
@Schema(name = "CecDeclarationRequest")
public record DeclarationRequest(
        @Schema(example = "2023", description = "the activity year; declared from 1 January to 30 June of the next year")
        @NotNull @Min(2017) @Max(2100) Integer year,
        @NotNull @Size(min = 1, max = 20) List<@NotNull @Valid Association> associations) {

    @Schema(name = "CecDeclaredAssociation")
    public record Association(
            @Schema(description = "RNA number: W and 9 digits", example = "W751234567")
            @NotNull @Pattern(regexp = "W\\d{9}", message = "must be W followed by 9 digits") String rna,
            @Schema(description = "the association's SIRET, if it has one (14 digits, Luhn checksum)", example = "73282932000074")
            String siret,
            @Schema(description = "hours given to this association in the year", example = "120")
            @NotNull @Min(1) @Max(8784) Integer hours,
            @Schema(example = "BOARD_MEMBER") @NotNull AssociationRole role) {
    }
}
