package fr.cpa.account.holder;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A holder as the API shows it: never the NIR. */
@Schema(name = "Holder")
public record HolderView(UUID id, String lastName, String firstName, LocalDate birthDate,
                         Holder.IdentityStatus identityStatus, Instant createdAt) {

    static HolderView of(Holder holder) {
        return new HolderView(holder.id, holder.lastName, holder.firstName, holder.birthDate,
                holder.identityStatus, holder.createdAt);
    }
}
