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
import java.util.List;
import java.util.UUID;

/** One dated period of a holder's situation (see {@link Situation}). */
@Entity
@Table(name = "holder_status")
public class StatusPeriod extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "holder_id", nullable = false)
    public UUID holderId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Situation status;

    public String category;

    @Column(name = "start_date", nullable = false)
    public LocalDate startDate;

    @Column(name = "end_date")
    public LocalDate endDate;

    @Column(name = "declared_by", nullable = false)
    public String declaredBy;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    @Version
    public long version;

    static List<StatusPeriod> ofHolder(UUID holderId) {
        return list("holderId = ?1 order by startDate, status", holderId);
    }

    StatusRules.Period toPeriod() {
        return new StatusRules.Period(id, status, category, startDate, endDate);
    }
}
