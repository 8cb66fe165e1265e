package fr.cpa.civic.account;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/** A holder's CEC (compte d'engagement citoyen). */
@Entity
@Table(name = "cec_account")
public class CecAccount extends PanacheEntityBase {

    @Id
    @Column(name = "holder_id")
    public UUID holderId;

    @Column(name = "opened_at", nullable = false)
    public Instant openedAt;

    /** Credit earned from 2019 on, in cents. */
    @Column(name = "credit_cents", nullable = false)
    public long creditCents;

    /** Credit earned in 2017–2018, in minutes. */
    @Column(name = "credit_minutes", nullable = false)
    public long creditMinutes;

    @Version
    public long version;
}
