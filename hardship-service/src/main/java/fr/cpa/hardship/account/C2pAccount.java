package fr.cpa.hardship.account;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A holder's C2P (compte professionnel de prévention): hardship points. */
@Entity
@Table(name = "c2p_account")
public class C2pAccount extends PanacheEntityBase {

    @Id
    @Column(name = "holder_id")
    public UUID holderId;

    /** Drives the doubling (born before 1 Jul 1956) and the points reserved for training. */
    @Column(name = "birth_date", nullable = false)
    public LocalDate birthDate;

    @Column(name = "opened_at", nullable = false)
    public Instant openedAt;

    @Column(nullable = false)
    public int points;

    @Version
    public long version;
}
