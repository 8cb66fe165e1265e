package fr.cpa.hardship.use;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** An applied use of C2P points, with what it was worth and why. */
@Entity
@Table(name = "c2p_use")
public class C2pUse extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "holder_id", nullable = false)
    public UUID holderId;

    /** TRAINING, RECONVERSION, PART_TIME or RETIREMENT. */
    @Column(name = "use_kind", nullable = false)
    public String kind;

    @Column(nullable = false)
    public int points;

    @Column(name = "used_on", nullable = false)
    public LocalDate usedOn;

    /** Training or reconversion from 2019: euro cents credited to the CPF. */
    @Column(name = "amount_cents")
    public Long amountCents;

    /** Training until 2018: CPF minutes. */
    public Long minutes;

    /** Part-time (quarters at half time) or retirement (quarters of pension insurance). */
    public Integer quarters;

    @Column(nullable = false)
    public String explanation;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public List<String> explanationLines() {
        return Arrays.asList(explanation.split("\n"));
    }

    public static List<C2pUse> of(UUID holderId) {
        return list("holderId = ?1 order by createdAt", holderId);
    }
}
