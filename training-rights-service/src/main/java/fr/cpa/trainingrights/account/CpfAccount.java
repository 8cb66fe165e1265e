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

    /** Private employees' hours-era hours before their conversion (2018 hours credited in 2019), in minutes. */
    @Column(name = "hours_era_minutes", nullable = false)
    public long hoursEraMinutes;

    /** Number of ledger entries: the next entry's line is this + 1. */
    @Column(name = "entry_count", nullable = false)
    public long entryCount;

    /**
     * First day of the low-qualified declaration (no level-3 diploma) given at registration, as received. Not read by
     * the rules: the dated LOW_QUALIFIED periods in {@code holder_status} are (see {@code HolderEvents}).
     */
    @Column(name = "low_qualified_from")
    public LocalDate lowQualifiedFrom;

    /** First day of the disabled-worker (OETH) recognition given at registration; like {@link #lowQualifiedFrom}, not read by the rules. */
    @Column(name = "disabled_worker_from")
    public LocalDate disabledWorkerFrom;

    /**
     * The holder claimed their pension: no more credits, and nothing is spent but CEC money on volunteer-mission training
     * (L6323-3, {@code rules/Spending}). Nothing in this service sets it yet: no event carries the pension claim.
     */
    @Column(nullable = false)
    public boolean closed;

    @Version
    public long version;
}
