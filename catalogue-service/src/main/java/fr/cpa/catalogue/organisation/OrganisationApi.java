package fr.cpa.catalogue.organisation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

/** The organisation endpoints' request and response bodies. */
public final class OrganisationApi {

    private OrganisationApi() {
    }

    @Schema(description = "A Qualiopi quality certificate, required to publish (C. trav. L6316-1)")
    public record Qualiopi(
            @Schema(example = "QUALIOPI-2024-01234") @NotBlank @Size(max = 100) String certificate,
            @Schema(example = "2027-03-31") @NotNull LocalDate validUntil) {
    }

    @Schema(description = "Register a training organisation")
    public record RegisterRequest(
            @Schema(example = "78959578200051") @NotBlank @Pattern(regexp = "\\d{14}", message = "must be 14 digits") String siret,
            @Schema(example = "FORMALTIC") @NotBlank @Size(max = 250) String name,
            @Schema(description = "numéro de déclaration d'activité (NDA), 11 digits", example = "76341234534")
            @Pattern(regexp = "\\d{11}", message = "must be 11 digits") String declarationNumber,
            @Valid Qualiopi qualiopi) {
    }

    public record StatusRequest(@Schema(example = "SUSPENDED") @NotNull Organisation.Status status) {
    }

    @Schema(description = "A training organisation")
    public record OrganisationView(String id, String siret, String name, String declarationNumber,
                                   Qualiopi qualiopi, boolean qualiopiValid, Organisation.Status status) {
        static OrganisationView of(Organisation o, LocalDate today) {
            Qualiopi q = o.qualiopiCertificate == null ? null : new Qualiopi(o.qualiopiCertificate, o.qualiopiValidUntil);
            boolean valid = o.qualiopiValidUntil != null && o.qualiopiCertificate != null
                    && !o.qualiopiValidUntil.isBefore(today);
            return new OrganisationView(o.id.toString(), o.siret, o.name, o.declarationNumber, q, valid, o.status);
        }
    }
}
