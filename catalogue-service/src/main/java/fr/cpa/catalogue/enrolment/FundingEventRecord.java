package fr.cpa.catalogue.enrolment;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A funding event (cpa.funding.v1) as applied to an enrolment, once per event id. */
@Entity
@Table(name = "enrolment_funding_event")
public class FundingEventRecord extends PanacheEntityBase {

    @Id
    @Column(name = "event_id")
    public UUID eventId;
    @Column(name = "enrolment_id", nullable = false)
    public UUID enrolmentId;
    @Column(nullable = false)
    public String type;
    @Column(name = "amount_cents")
    public Long amountCents;
    public String reason;
    public String detail;
    /** False when the enrolment no longer waited for it (e.g. an answer after a cancellation). */
    @Column(nullable = false)
    public boolean applied;
    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;
}
