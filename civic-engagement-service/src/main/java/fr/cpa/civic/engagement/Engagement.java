package fr.cpa.civic.engagement;

import fr.cpa.civic.rules.ActivityKind;
import fr.cpa.civic.rules.AssociationRole;
import fr.cpa.civic.rules.CecParameters;
import fr.cpa.civic.rules.Quantity;
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
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** One engagement of a holder for a year: one association's hours, or one activity declared by its body. */
@Entity
@Table(name = "engagement")
public class Engagement extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "holder_id", nullable = false)
    public UUID holderId;
    /** Groups the rows of one declaration (one per association) or of one batch. */
    @Column(name = "declaration_id", nullable = false)
    public UUID declarationId;
    @Column(nullable = false)
    public int year;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ActivityKind kind;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Origin origin;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public EngagementStatus status;
    public String rna;
    public String siret;
    @Enumerated(EnumType.STRING)
    public AssociationRole role;
    public Integer months;
    public Integer days;
    public Integer hours;
    @Column(name = "max_hours_in_one_association")
    public Integer maxHoursInOneAssociation;
    @Column(name = "max_hours_in_one_body")
    public Integer maxHoursInOneBody;
    @Column(name = "engagement_years")
    public Integer engagementYears;
    @Column(name = "continuous_years")
    public Integer continuousYears;
    public Integer duties;
    public Integer interventions;
    @Column(name = "association_registered_on")
    public LocalDate associationRegisteredOn;
    /** The responsible body's batch reference. */
    public String reference;
    @Column(name = "declared_at", nullable = false)
    public Instant declaredAt;
    @Column(name = "declared_by", nullable = false)
    public String declaredBy;
    @Column(name = "decided_at")
    public Instant decidedAt;
    @Column(name = "decided_by")
    public String decidedBy;
    public String reason;
    @Version
    public long version;

    /** The status as of {@code today}: a pending declaration past its validation deadline has lapsed. */
    EngagementStatus statusOn(LocalDate today) {
        return status == EngagementStatus.PENDING && today.isAfter(validationDeadline()) ? EngagementStatus.LAPSED : status;
    }

    LocalDate validationDeadline() {
        return CecParameters.LAW.validationCloses(year);
    }

    Map<Quantity, Integer> quantities() {
        Map<Quantity, Integer> values = new EnumMap<>(Quantity.class);
        put(values, Quantity.MONTHS, months);
        put(values, Quantity.DAYS, days);
        put(values, Quantity.HOURS, hours);
        put(values, Quantity.MAX_HOURS_IN_ONE_ASSOCIATION, maxHoursInOneAssociation);
        put(values, Quantity.MAX_HOURS_IN_ONE_BODY, maxHoursInOneBody);
        put(values, Quantity.ENGAGEMENT_YEARS, engagementYears);
        put(values, Quantity.CONTINUOUS_YEARS, continuousYears);
        put(values, Quantity.DUTIES, duties);
        put(values, Quantity.INTERVENTIONS, interventions);
        return values;
    }

    static List<Engagement> ofHolder(UUID holderId) {
        return list("holderId = ?1 order by year, declaredAt, id", holderId);
    }

    static List<Engagement> ofAssociation(String rna) {
        return list("rna = ?1 order by year, declaredAt, id", rna);
    }

    static List<Engagement> validatedAssociationHours(UUID holderId, int year) {
        return list("holderId = ?1 and year = ?2 and kind = ?3 and status = ?4", holderId, year,
                ActivityKind.ASSOCIATION_VOLUNTEERING, EngagementStatus.VALIDATED);
    }

    static boolean alreadyDeclared(UUID holderId, int year, String rna) {
        return count("holderId = ?1 and year = ?2 and rna = ?3 and status <> ?4", holderId, year, rna,
                EngagementStatus.REJECTED) > 0;
    }

    private static void put(Map<Quantity, Integer> values, Quantity quantity, Integer value) {
        if (value != null) {
            values.put(quantity, value);
        }
    }
}
