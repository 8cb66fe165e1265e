package fr.cpa.hardship.exposure;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One factor an employer declared for a holder and a year (ExposureDeclared), in force until replaced. */
@Entity
@Table(name = "c2p_exposure")
public class C2pExposure extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "holder_id", nullable = false)
    public UUID holderId;

    @Column(nullable = false)
    public int year;

    @Column(nullable = false)
    public String siret;

    /** The declaration's month (YYYY-MM): with the SIRET, what a later version replaces. Null for older events. */
    public String period;

    @Column(nullable = false)
    public String factor;

    @Column(nullable = false)
    public String unit;

    @Column(nullable = false)
    public long quantity;

    @Column(nullable = false)
    public int months;

    @Column(name = "declaration_id", nullable = false)
    public UUID declarationId;

    @Column(name = "declaration_version", nullable = false)
    public int declarationVersion;

    @Column(name = "declared_at", nullable = false)
    public Instant declaredAt;

    static List<C2pExposure> of(UUID holderId, int year) {
        return list("holderId = ?1 and year = ?2 order by siret, factor, unit", holderId, year);
    }

    public static List<C2pExposure> of(UUID holderId) {
        return list("holderId = ?1 order by year desc, siret, factor, unit", holderId);
    }
}
