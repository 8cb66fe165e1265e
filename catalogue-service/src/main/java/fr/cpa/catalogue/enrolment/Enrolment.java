package fr.cpa.catalogue.enrolment;

import fr.cpa.catalogue.rules.CertificationType;
import fr.cpa.catalogue.rules.EnrolmentLifecycle.State;
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
import java.util.UUID;

/** A holder's purchase of a training session and where it stands in its lifecycle (DOMAIN.md §4). */
@Entity
@Table(name = "enrolment")
public class Enrolment extends PanacheEntityBase {

    /** Who closed an enrolment: a refusal's or a cancellation's author. */
    public enum ClosedBy { HOLDER, ORGANISATION, TRAINING_RIGHTS, DEADLINE }

    @Id
    public UUID id;
    @Column(name = "holder_id", nullable = false)
    public UUID holderId;
    @Column(name = "offer_id", nullable = false)
    public UUID offerId;
    @Column(name = "session_id", nullable = false)
    public UUID sessionId;
    @Column(name = "organisation_id", nullable = false)
    public UUID organisationId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public State state;
    @Enumerated(EnumType.STRING)
    @Column(name = "certification_type", nullable = false)
    public CertificationType certificationType;
    @Column(name = "certification_code")
    public String certificationCode;
    @Column(name = "certification_title")
    public String certificationTitle;
    @Column(name = "price_cents", nullable = false)
    public long priceCents;
    @Column(name = "employer_co_funding_cents", nullable = false)
    public long employerCoFundingCents;
    @Column(name = "job_seeker", nullable = false)
    public boolean jobSeeker;
    @Column(nullable = false)
    public boolean prerequisites;
    @Column(name = "start_date", nullable = false)
    public LocalDate startDate;
    @Column(name = "region_code")
    public String regionCode;
    @Column(name = "requested_at", nullable = false)
    public Instant requestedAt;
    public LocalDate deadline;
    @Column(name = "funds_reserved_on")
    public LocalDate fundsReservedOn;
    @Column(name = "held_cents")
    public Long heldCents;
    @Column(name = "remainder_due_cents")
    public Long remainderDueCents;
    @Column(name = "co_payment_cents")
    public Long coPaymentCents;
    @Column(name = "captured_cents", nullable = false)
    public long capturedCents;
    @Column(name = "released_cents", nullable = false)
    public long releasedCents;
    @Column(name = "accepted_on")
    public LocalDate acceptedOn;
    @Column(name = "validated_on")
    public LocalDate validatedOn;
    @Column(name = "started_on")
    public LocalDate startedOn;
    @Column(name = "ended_on")
    public LocalDate endedOn;
    @Column(name = "completed_on")
    public LocalDate completedOn;
    @Column(name = "closed_on")
    public LocalDate closedOn;
    @Enumerated(EnumType.STRING)
    @Column(name = "closed_by")
    public ClosedBy closedBy;
    public String reason;
    @Column(name = "reason_detail")
    public String reasonDetail;
    @Column(name = "full_recredit")
    public Boolean fullRecredit;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
    @Version
    public long version;
}
