package fr.cpa.account.stats;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The accounts' statistics, each figure one SQL aggregate (GROUP BY): no row is loaded into Java. */
@ApplicationScoped
class StatsService {

    /** How many rejection reasons the answer lists. */
    static final int TOP_REASONS = 10;

    private final EntityManager em;

    StatsService(EntityManager em) {
        this.em = em;
    }

    AccountStats accounts(LocalDate from, LocalDate to) {
        Instant asOf = Instant.now();
        List<AccountStats.Day> days = declarationsByDay(from, to);
        long received = days.stream().mapToLong(AccountStats.Day::received).sum();
        long rejected = days.stream().mapToLong(AccountStats.Day::rejected).sum();
        double rate = received == 0 ? 0 : BigDecimal.valueOf(rejected)
                .divide(BigDecimal.valueOf(received), 4, RoundingMode.HALF_UP).doubleValue();
        return new AccountStats(asOf, days, rate, topReasons(from, to), holdersByStatus());
    }

    @SuppressWarnings("unchecked")
    private List<AccountStats.Day> declarationsByDay(LocalDate from, LocalDate to) {
        List<Object[]> rows = em.createNativeQuery("""
                        with accepted as (
                            select (received_at at time zone 'UTC')::date as day, count(*) as n, sum(employees) as employee_months
                            from declaration
                            where received_at >= cast(:from as timestamp) at time zone 'UTC'
                              and received_at < cast(:until as timestamp) at time zone 'UTC'
                            group by 1),
                        rejected as (
                            select day, count(*) as n from declaration_rejection
                            where day >= :from and day <= :to group by day)
                        select coalesce(a.day, r.day), coalesce(a.n, 0) + coalesce(r.n, 0), coalesce(a.n, 0),
                               coalesce(r.n, 0), coalesce(a.employee_months, 0)
                        from accepted a full join rejected r on a.day = r.day
                        order by 1""")
                .setParameter("from", Date.valueOf(from))
                .setParameter("until", Date.valueOf(to.plusDays(1)))
                .setParameter("to", Date.valueOf(to))
                .getResultList();
        return rows.stream().map(r -> new AccountStats.Day(localDate(r[0]), number(r[1]), number(r[2]), number(r[3]),
                number(r[4]))).toList();
    }

    @SuppressWarnings("unchecked")
    private List<AccountStats.Reason> topReasons(LocalDate from, LocalDate to) {
        List<Object[]> rows = em.createNativeQuery("""
                        select reason, count(*) from declaration_rejection, unnest(reasons) as reason
                        where day >= :from and day <= :to
                        group by reason order by count(*) desc, reason limit :top""")
                .setParameter("from", Date.valueOf(from))
                .setParameter("to", Date.valueOf(to))
                .setParameter("top", TOP_REASONS)
                .getResultList();
        return rows.stream().map(r -> new AccountStats.Reason((String) r[0], number(r[1]))).toList();
    }

    @SuppressWarnings("unchecked")
    private List<AccountStats.Status> holdersByStatus() {
        List<Object[]> rows = em.createNativeQuery("""
                        select status, count(distinct holder_id) from holder_status
                        where start_date <= current_date and (end_date is null or end_date >= current_date)
                        group by status order by status""")
                .getResultList();
        return rows.stream().map(r -> new AccountStats.Status((String) r[0], number(r[1]))).toList();
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static LocalDate localDate(Object value) {
        return value instanceof Date d ? d.toLocalDate() : (LocalDate) value;
    }
}
