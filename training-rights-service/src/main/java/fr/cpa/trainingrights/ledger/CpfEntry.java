package fr.cpa.trainingrights.ledger;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.time.Instant;
import java.util.UUID;

/** One immutable line of a holder's CPF ledger. Balances are sums of these. */
@Entity
@Immutable
@Table(name = "cpf_entry")
public class CpfEntry extends PanacheEntityBase {

    /**
     * What happened. Credits add to a pot; HOLD/RELEASE move money in and out of "held"; CAPTURE spends it;
     * REFUND gives back what an organisation paid back; CORRECTION (signed) fixes a year's acquisition after a
     * late or corrected declaration.
     */
    public enum Kind { ACQUISITION, CONVERSION, TOP_UP, CEC, C2P, HOLD, CAPTURE, RELEASE, REFUND, CORRECTION }

    public static final String ORDINARY = "ORDINARY";
    public static final String CEC_POT = "CEC";
    /** Hardship-account (C2P) points converted to training money (no co-payment on what it pays). */
    public static final String C2P_POT = "C2P";
    public static final String HOURS_ERA = "HOURS_ERA";
    public static final String CIVIL_SERVANT_HOURS = "CIVIL_SERVANT_HOURS";
    public static final String TOP_UP_PREFIX = "TOP_UP:";

    @Id
    public UUID id;
    @Column(name = "holder_id", nullable = false)
    public UUID holderId;
    @Column(nullable = false)
    public long line;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;
    @Column(nullable = false)
    public String pot;
    @Column(name = "amount_cents", nullable = false)
    public long amountCents;
    @Column(name = "held_cents", nullable = false)
    public long heldCents;
    @Column(nullable = false)
    public long minutes;
    public Integer year;
    @Column(name = "enrolment_id")
    public UUID enrolmentId;
    @Column(name = "top_up_kind")
    public String topUpKind;
    @Column(name = "top_up_reference")
    public String topUpReference;
    public String funder;
    @Column(name = "earmarked_to")
    public String earmarkedTo;
    @Column(name = "source_event_id")
    public UUID sourceEventId;
    @Column(nullable = false)
    public String explanation;
    /**
     * On an ACQUISITION: the ordinary balance just before the year's credit, the one its cap was applied to. A later
     * correction of the year is computed on it, not on today's balance (V8 derived it for acquisitions written before).
     */
    @Column(name = "cap_base_cents")
    public Long capBaseCents;
    /** On an ACQUISITION: the civil servants' hours balance just before the year's credit, in minutes. */
    @Column(name = "cap_base_minutes")
    public Long capBaseMinutes;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
