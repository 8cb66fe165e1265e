package fr.cpa.civic.account;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One year's credit for one activity category: at most one per holder, year and category. */
@Entity
@Table(name = "cec_credit")
public class CecCredit extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "holder_id", nullable = false)
    public UUID holderId;

    @Column(nullable = false)
    public int year;

    /** {@link fr.cpa.civic.rules.ActivityKind} name. */
    @Column(nullable = false)
    public String kind;

    /** {@link fr.cpa.civic.rules.YearlyCredit.Unit} name: MINUTES (2017–2018) or CENTS. */
    @Column(nullable = false)
    public String unit;

    @Column(nullable = false)
    public long value;

    /** The reasoning, one line per line. */
    @Column(nullable = false)
    public String explanation;

    @Column(name = "credited_at", nullable = false)
    public Instant creditedAt;

    List<String> explanationLines() {
        return List.of(explanation.split("\n"));
    }

    static List<CecCredit> ofHolder(UUID holderId) {
        return list("holderId = ?1 order by year, kind", holderId);
    }

    static boolean exists(UUID holderId, int year, String kind) {
        return count("holderId = ?1 and year = ?2 and kind = ?3", holderId, year, kind) > 0;
    }
}
