package fr.cpa.account.holder;

import fr.cpa.account.nir.ValidNir;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

/** Body of {@code POST /api/v1/holders}. */
@Schema(name = "RegisterHolderRequest")
public record RegisterHolderRequest(
        @Schema(description = "NIR, 15 characters with its key; spaces allowed", example = "184127645108946")
        @NotBlank @ValidNir String nir,
        @Schema(example = "Durand") @NotBlank @Size(max = 100) String lastName,
        @Schema(example = "Paul") @NotBlank @Size(max = 100) String firstName,
        @Schema(example = "1984-12-10") @NotNull @Past LocalDate birthDate) {
}
