package fr.cpa.account.holder;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/** A person with a CPA (titulaire). The NIR is held only as a keyed hash and a ciphertext. */
@Entity
@Table(name = "holder")
public class Holder extends PanacheEntityBase {

    /** Whether the person has confirmed their identity (a payroll push can create a pending holder). */
    public enum IdentityStatus { ACTIVE, PENDING }

    @Id
    public UUID id;

    @Column(name = "nir_hash", nullable = false, unique = true)
    public byte[] nirHash;

    @Column(name = "nir_cipher", nullable = false)
    public byte[] nirCipher;

    @Column(name = "last_name", nullable = false)
    public String lastName;

    @Column(name = "first_name", nullable = false)
    public String firstName;

    @Column(name = "birth_date", nullable = false)
    public LocalDate birthDate;

    @Enumerated(EnumType.STRING)
    @Column(name = "identity_status", nullable = false)
    public IdentityStatus identityStatus;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Version
    public long version;

    static Optional<Holder> findByNirHash(byte[] hash) {
        return find("nirHash", hash).firstResultOptional();
    }
}
