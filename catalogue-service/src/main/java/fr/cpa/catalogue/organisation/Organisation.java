package fr.cpa.catalogue.organisation;

import fr.cpa.catalogue.rules.CatalogueRules;
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

/** A training organisation (organisme de formation), identified by its SIRET. */
@Entity
@Table(name = "organisation")
public class Organisation extends PanacheEntityBase {

    public enum Status { ACTIVE, SUSPENDED }

    @Id
    public UUID id;

    @Column(nullable = false, unique = true)
    public String siret;

    @Column(nullable = false)
    public String name;

    /** Numéro de déclaration d'activité (NDA) given by the regional labour authority. */
    @Column(name = "declaration_number")
    public String declarationNumber;

    @Column(name = "qualiopi_certificate")
    public String qualiopiCertificate;

    @Column(name = "qualiopi_valid_until")
    public LocalDate qualiopiValidUntil;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    public static Optional<Organisation> findBySiret(String siret) {
        return find("siret", siret).firstResultOptional();
    }

    public CatalogueRules.Publisher asPublisher() {
        return new CatalogueRules.Publisher(status == Status.ACTIVE, qualiopiCertificate, qualiopiValidUntil);
    }
}
