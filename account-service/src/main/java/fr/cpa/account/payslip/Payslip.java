package fr.cpa.account.payslip;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A payslip PDF and what it says, kept in PostgreSQL. */
@Entity
@Table(name = "payslip")
public class Payslip extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "holder_id", nullable = false)
    public UUID holderId;

    @Column(nullable = false)
    public String siret;

    @Column(nullable = false)
    public String period;

    @Column(name = "net_pay", nullable = false)
    public long netPay;

    @Column(name = "gross_pay", nullable = false)
    public long grossPay;

    /** Loaded only for a download, not for a list. */
    @Basic(fetch = FetchType.LAZY)
    @Column(nullable = false)
    public byte[] content;

    public int size;

    @Column(nullable = false)
    public String sha256;

    @Column(name = "uploaded_by", nullable = false)
    public String uploadedBy;

    @Column(name = "uploaded_at", nullable = false)
    public Instant uploadedAt;
}
