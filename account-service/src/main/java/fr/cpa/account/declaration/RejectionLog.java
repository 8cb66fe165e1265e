package fr.cpa.account.declaration;

import fr.cpa.platform.problem.Problem.FieldError;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Writes down a refused declaration (400) for the statistics, in its own transaction: the declaration's
 * transaction is rolled back (nothing of it is stored), this record stays.
 */
@ApplicationScoped
class RejectionLog {

    private final EntityManager em;

    RejectionLog(EntityManager em) {
        this.em = em;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void record(String siret, List<FieldError> errors) {
        List<String> reasons = RejectionReasons.of(errors);
        em.createNativeQuery("insert into declaration_rejection (day, siret, reasons) values (:day, :siret, cast(:reasons as text[]))")
                .setParameter("day", LocalDate.now(ZoneOffset.UTC))
                .setParameter("siret", siret)
                .setParameter("reasons", arrayLiteral(reasons))
                .executeUpdate();
    }

    /** A PostgreSQL array literal, each element quoted with {@code "} and {@code \} escaped. */
    static String arrayLiteral(List<String> values) {
        StringBuilder out = new StringBuilder("{");
        for (String v : values) {
            out.append(out.length() == 1 ? "" : ",").append('"')
                    .append(v.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return out.append('}').toString();
    }
}
