package fr.cpa.account.payslip;

import fr.cpa.account.nir.Nir;
import fr.cpa.account.nir.NirProtector;
import fr.cpa.platform.money.Money;
import fr.cpa.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Stores payslips for the holder a NIR designates, and serves them back to the holder. */
@ApplicationScoped
public class PayslipService {

    /** A payslip to store; checked by {@link PayslipRules} already. */
    record Upload(String nir, String siret, String period, long netPay, long grossPay, byte[] content,
                  String uploadedBy) {
    }

    /** A PDF to send back. */
    public record Document(String fileName, byte[] content) {
    }

    private final NirProtector nirProtector;
    private final EntityManager em;

    PayslipService(NirProtector nirProtector, EntityManager em) {
        this.nirProtector = nirProtector;
        this.em = em;
    }

    @Transactional
    public PayslipView store(Upload upload) {
        Nir nir = Nir.parse(upload.nir()).orElseThrow(() -> ProblemException.invalid("nir", "is not a valid NIR"));
        byte[] hash = nirProtector.lookupHash(nir);
        // Only into the account of someone this establishment employs, as its payroll declarations say: any
        // employer token could otherwise drop documents into a stranger's account. Unknown NIR or not
        // employed here get the same answer, so that the upload does not tell who holds an account.
        @SuppressWarnings("unchecked")
        List<UUID> holders = em.createNativeQuery("""
                        select h.id from holder h
                        where h.nir_hash = :hash and exists (
                            select 1 from declaration_employee e join declaration d on d.id = e.declaration_id
                            where e.holder_id = h.id and d.siret = :siret and d.status = 'ACCEPTED')""", UUID.class)
                .setParameter("hash", hash).setParameter("siret", upload.siret()).getResultList();
        if (holders.isEmpty()) {
            throw ProblemException.unprocessable("not-declared-employee",
                    "no employee with this NIR in this establishment's payroll declarations; declare the employee first");
        }
        Payslip payslip = new Payslip();
        payslip.id = UUID.randomUUID();
        payslip.holderId = holders.get(0);
        payslip.siret = upload.siret();
        payslip.period = upload.period();
        payslip.netPay = upload.netPay();
        payslip.grossPay = upload.grossPay();
        payslip.content = upload.content();
        payslip.size = upload.content().length;
        payslip.sha256 = sha256(upload.content());
        payslip.uploadedBy = upload.uploadedBy();
        payslip.uploadedAt = Instant.now();
        payslip.persist();
        return view(payslip.id, payslip.holderId, payslip.siret, payslip.period, payslip.netPay, payslip.grossPay,
                payslip.size, payslip.uploadedAt);
    }

    /** A holder's payslips, newest month first, without their content. */
    public List<PayslipView> list(UUID holderId) {
        List<Object[]> rows = em.createQuery("""
                        select p.id, p.holderId, p.siret, p.period, p.netPay, p.grossPay, p.size, p.uploadedAt
                        from Payslip p where p.holderId = :holder order by p.period desc, p.uploadedAt desc""", Object[].class)
                .setParameter("holder", holderId)
                .getResultList();
        return rows.stream().map(r -> view((UUID) r[0], (UUID) r[1], (String) r[2], (String) r[3], (Long) r[4],
                (Long) r[5], (Integer) r[6], (Instant) r[7])).toList();
    }

    /** One page of what an establishment sent, newest month first, without the PDFs. */
    public record Page(List<PayslipView> items, int page, int size, long total) {
    }

    /** The payslips an establishment (SIRET) sent, optionally of one month, without their content. */
    public Page listSent(String siret, String period, int page, int size) {
        String where = "where p.siret = :siret" + (period == null ? "" : " and p.period = :period");
        var rows = em.createQuery("""
                        select p.id, p.holderId, p.siret, p.period, p.netPay, p.grossPay, p.size, p.uploadedAt
                        from Payslip p\s""" + where + " order by p.period desc, p.uploadedAt desc, p.id", Object[].class)
                .setParameter("siret", siret);
        var count = em.createQuery("select count(p) from Payslip p " + where, Long.class).setParameter("siret", siret);
        if (period != null) {
            rows.setParameter("period", period);
            count.setParameter("period", period);
        }
        List<PayslipView> items = rows.setFirstResult(page * size).setMaxResults(size).getResultList().stream()
                .map(r -> view((UUID) r[0], (UUID) r[1], (String) r[2], (String) r[3], (Long) r[4], (Long) r[5],
                        (Integer) r[6], (Instant) r[7])).toList();
        return new Page(items, page, size, count.getSingleResult());
    }

    public Optional<Document> download(UUID holderId, UUID payslipId) {
        return Payslip.<Payslip>findByIdOptional(payslipId)
                .filter(p -> p.holderId.equals(holderId))
                .map(p -> new Document("payslip-" + p.period + "-" + p.siret + ".pdf", p.content));
    }

    private static PayslipView view(UUID id, UUID holderId, String siret, String period, long net, long gross,
                                    int size, Instant uploadedAt) {
        return new PayslipView(id, holderId, siret, period, Money.cents(net), Money.cents(gross), size, uploadedAt);
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
