package fr.cpa.account.skills;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * A holder's skills profile: what they know (free text, with a ROME or Formacode code when known),
 * their diplomas with the level of the national nomenclature (1–8; 3 = CAP/BEP, 4 = bac, 5 = bac+2…),
 * the jobs they aim at (ROME codes) and their region (INSEE code). The catalogue recommends trainings
 * from it.
 */
@Schema(name = "SkillsProfile")
public record SkillsProfile(
        @NotNull @Size(max = 50) List<@NotNull @Valid Skill> skills,
        @NotNull @Size(max = 20) List<@NotNull @Valid Diploma> diplomas,
        @Schema(example = "[\"M1203\", \"M1805\"]")
        @NotNull @Size(max = 10) List<@NotNull @Pattern(regexp = ROME, message = ROME_MESSAGE) String> targetJobs,
        @Schema(example = "11", description = "INSEE region code")
        @Pattern(regexp = REGION, message = "must be an INSEE region code (e.g. 11 for Île-de-France)") String region) {

    /** A letter and four digits (e.g. M1805), the ROME job-sheet code. */
    static final String ROME = "[A-N]\\d{4}";
    static final String ROME_MESSAGE = "must be a ROME code: a letter A–N and four digits (e.g. M1805)";
    /** The regions of France since 2016, overseas included. */
    static final String REGION = "01|02|03|04|06|11|24|27|28|32|44|52|53|75|76|84|93|94";

    @Schema(name = "Skill")
    public record Skill(
            @Schema(example = "comptabilité") @NotBlank @Size(max = 100) String label,
            @Schema(example = "M1203") @Pattern(regexp = ROME, message = ROME_MESSAGE) String rome,
            @Schema(example = "32663", description = "Formacode, five digits")
            @Pattern(regexp = "\\d{5}", message = "must be a Formacode: five digits") String formacode) {
    }

    @Schema(name = "Diploma")
    public record Diploma(
            @Schema(example = "BTS comptabilité et gestion") @NotBlank @Size(max = 200) String title,
            @Schema(example = "5", description = "level of the national nomenclature, 1 to 8 (3 = CAP/BEP)")
            @NotNull @Min(1) @Max(8) Integer level,
            @Schema(example = "2006") @Min(1950) @Max(2100) Integer year) {
    }
}
