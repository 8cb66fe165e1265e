package fr.cpa.trainingrights.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.util.List;
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

    /**
     * What the balance view needs of the holder's situation on {@code day}: low-qualified and disabled-worker as the
     * yearly rules read them (a period covering any day of the year), and the civil-servant category in force that day,
     * else that of the last civil-servant month declared (null if never one).
     */
    public CpfBalance.Situation situation(UUID holderId, LocalDate day) {
        LocalDate first = day.withDayOfYear(1);
        LocalDate last = day.withDayOfYear(day.lengthOfYear());
        @SuppressWarnings("unchecked")
        List<String> statuses = em.createNativeQuery("""
                        select distinct status from holder_status where holder_id = :holder
                          and status in ('LOW_QUALIFIED', 'DISABLED_WORKER') and valid_from <= :last
                          and (valid_to is null or valid_to >= :first)""")
                .setParameter("holder", holderId).setParameter("first", first).setParameter("last", last).getResultList();
        @SuppressWarnings("unchecked")
        List<String> category = em.createNativeQuery("""
                        select category from (
                          select category, 0 source, valid_from sort_day from holder_status
                          where holder_id = :holder and status = 'CIVIL_SERVANT' and valid_from <= :day
                            and (valid_to is null or valid_to >= :day)
                          union all
                          select category, 1, to_date(period, 'YYYY-MM') from activity_month
                          where holder_id = :holder and status = 'CIVIL_SERVANT') c
                        order by source, sort_day desc limit 1""")
                .setParameter("holder", holderId).setParameter("day", day).getResultList();
        return new CpfBalance.Situation(statuses.contains("LOW_QUALIFIED"), statuses.contains("DISABLED_WORKER"),
                category.isEmpty() ? null : category.get(0));
    }
}
