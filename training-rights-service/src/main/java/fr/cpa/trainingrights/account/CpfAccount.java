package fr.cpa.trainingrights.account;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A holder's CPF (compte personnel de formation) with its cached balances per pot. */
@Entity
@Table(name = "cpf_account")
public class CpfAccount extends PanacheEntityBase {

    @Id
    @Column(name = "holder_id")
    public UUID holderId;

    @Column(name = "birth_date", nullable = false)
    public LocalDate birthDate;

    @Column(name = "opened_at", nullable = false)
    public Instant openedAt;

    /** Ordinary rights (droits acquis), in cents. */
    @Column(name = "ordinary_cents", nullable = false)
    public long ordinaryCents;

    /** Civic-engagement (CEC) money, spent after ordinary rights, in cents. */
    @Column(name = "cec_cents", nullable = false)
    public long cecCents;

    /** Top-ups (abondements), outside the cap, in cents. */
    @Column(name = "top_up_cents", nullable = false)
    public long topUpCents;

    /** Held for enrolments not yet started, in cents. */
    @Column(name = "held_cents", nullable = false)
    public long heldCents;

    /** Civil servants' rights in hours, kept in minutes. */
    @Column(name = "hours_minutes", nullable = false)
    public long hoursMinutes;

    @Version
    public long version;
}
