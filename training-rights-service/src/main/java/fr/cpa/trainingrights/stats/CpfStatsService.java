package fr.cpa.trainingrights.stats;

import fr.cpa.platform.money.Money;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** The CPF statistics, computed by PostgreSQL with GROUP BY over the ledger (no row reaches Java). */
@ApplicationScoped
public class CpfStatsService {

    private final EntityManager em;

    CpfStatsService(EntityManager em) {
        this.em = em;
    }

    /** Entries written from {@code from} to {@code to} (UTC days, both included). */
    @Transactional
    public CpfStats cpf(LocalDate from, LocalDate to) {
        OffsetDateTime start = from.atStartOfDay().atOffset(ZoneOffset.UTC);
        OffsetDateTime end = to.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC);
        // CORRECTION entries are counted with the year's ACQUISITION (they correct it); a conversion counts once
        // (its euros, not the hours it consumed); funderType is the top-up's funder type
        @SuppressWarnings("unchecked")
        List<Object[]> credits = em.createNativeQuery("""
                        select coalesce(year, extract(year from created_at at time zone 'UTC')::int) as y,
                               case when kind = 'CORRECTION' then 'ACQUISITION' else kind end as k,
                               case when kind = 'TOP_UP' then split_part(funder, ' ', 1) end as f,
                               count(*), sum(amount_cents)
                        from cpf_entry
                        where kind in ('ACQUISITION', 'CORRECTION', 'CONVERSION', 'TOP_UP', 'CEC', 'C2P')
                          and not (kind = 'CONVERSION' and pot = 'HOURS_ERA')
                          and created_at >= :start and created_at < :end
                        group by 1, 2, 3 order by 1, 2, 3 nulls first""")
                .setParameter("start", start).setParameter("end", end).getResultList();
        @SuppressWarnings("unchecked")
        List<Object[]> spending = em.createNativeQuery("""
                        select to_char(created_at at time zone 'UTC', 'YYYY-MM'),
                               sum(case when kind = 'HOLD' then held_cents else 0 end),
                               sum(case when kind = 'CAPTURE' then -amount_cents else 0 end),
                               sum(case when kind = 'RELEASE' then -held_cents else 0 end)
                        from cpf_entry
                        where kind in ('HOLD', 'CAPTURE', 'RELEASE') and created_at >= :start and created_at < :end
                        group by 1 order by 1""")
                .setParameter("start", start).setParameter("end", end).getResultList();
        return new CpfStats(Instant.now(),
                credits.stream().map(r -> new CpfStats.CreditLine(((Number) r[0]).intValue(), (String) r[1], (String) r[2],
                        ((Number) r[3]).longValue(), Money.cents(((Number) r[4]).longValue()))).toList(),
                spending.stream().map(r -> new CpfStats.SpendingMonth((String) r[0], Money.cents(((Number) r[1]).longValue()),
                        Money.cents(((Number) r[2]).longValue()), Money.cents(((Number) r[3]).longValue()))).toList());
    }
}
