package fr.cpa.account.declaration;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A declaration version as read back; written by {@link DeclarationStore} (COPY and multi-row SQL). */
@Entity
@Table(name = "declaration")
public class Declaration extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String siret;

    @Column(nullable = false)
    public String period;

    public int version;

    @Column(nullable = false)
    public String status;

    @Column(name = "body_hash", nullable = false)
    public String bodyHash;

    public int employees;

    public int exposures;

    @Column(name = "pending_holders")
    public int pendingHolders;

    public UUID replaces;

    @Column(name = "replaced_by")
    public UUID replacedBy;

    @Column(name = "submitted_by", nullable = false)
    public String submittedBy;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;
}
