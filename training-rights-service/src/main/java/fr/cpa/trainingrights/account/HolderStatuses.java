package fr.cpa.trainingrights.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.util.UUID;

/** The holder's dated situations (job seeker, self-employed, ESAT…), upserted from {@code cpa.holder.v1}. */
@ApplicationScoped
public class HolderStatuses {

    private final EntityManager em;

    HolderStatuses(EntityManager em) {
        this.em = em;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(UUID holderId, String status, String category, LocalDate from, LocalDate to) {
        if (status == null || from == null) {
            throw new fr.cpa.platform.event.MalformedEventException("a holder status needs a status and a start date");
        }
        em.createNativeQuery("""
                        insert into holder_status (holder_id, status, category, valid_from, valid_to)
                        values (:holder, :status, :category, :from, :to)
                        on conflict (holder_id, status, valid_from) do update set category = excluded.category, valid_to = excluded.valid_to""")
                .setParameter("holder", holderId).setParameter("status", status).setParameter("category", category)
                .setParameter("from", from).setParameter("to", to).executeUpdate();
    }
}
