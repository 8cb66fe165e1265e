package fr.cpa.hardship.exposure;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** A closed year's points for a holder, with the explanation of how they were found. */
@Entity
@Table(name = "c2p_year_award")
@IdClass(YearAward.Key.class)
public class YearAward extends PanacheEntityBase {

    /** The composite key (holder, year). */
    public static class Key implements Serializable {
        public UUID holderId;
        public int year;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(holderId, key.holderId) && year == key.year;
        }

        @Override
        public int hashCode() {
            return Objects.hash(holderId, year);
        }
    }

    @Id
    @Column(name = "holder_id")
    public UUID holderId;

    @Id
    public int year;

    @Column(nullable = false)
    public int points;

    /** One line per rule applied, separated by new lines. */
    @Column(nullable = false)
    public String explanation;

    @Column(name = "assessed_at", nullable = false)
    public Instant assessedAt;

    public List<String> explanationLines() {
        return explanation.isEmpty() ? List.of() : Arrays.asList(explanation.split("\n"));
    }

    public static List<YearAward> of(UUID holderId) {
        return list("holderId = ?1 order by year", holderId);
    }

    static YearAward find(UUID holderId, int year) {
        return find("holderId = ?1 and year = ?2", holderId, year).firstResult();
    }
}
