package fr.cpa.catalogue.offer;

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
import java.util.List;
import java.util.UUID;

/** A session of an offer: dates, seats and place. */
@Entity
@Table(name = "training_session")
public class TrainingSession extends PanacheEntityBase {

    public enum Status { OPEN, CANCELLED }

    @Id
    public UUID id;

    @Column(name = "offer_id", nullable = false)
    public UUID offerId;

    @Column(name = "start_date", nullable = false)
    public LocalDate startDate;

    @Column(name = "end_date", nullable = false)
    public LocalDate endDate;

    @Column(nullable = false)
    public int seats;

    public String place;

    @Column(name = "department_code")
    public String departmentCode;

    @Column(nullable = false)
    public boolean remote;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    static List<TrainingSession> ofOffer(UUID offerId) {
        return list("offerId = ?1 order by startDate, id", offerId);
    }
}
