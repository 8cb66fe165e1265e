package fr.cpa.account.summary;

import fr.cpa.account.holder.HolderService;
import fr.cpa.account.holder.HolderView;
import fr.cpa.account.holder.StatusService;
import fr.cpa.platform.money.Money;
import fr.cpa.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;

/** Reads the CPA summary from the read model that {@link SummaryEvents} keeps. */
@ApplicationScoped
public class SummaryService {

    private final EntityManager em;
    private final HolderService holders;
    private final StatusService statuses;

    SummaryService(EntityManager em, HolderService holders, StatusService statuses) {
        this.em = em;
        this.holders = holders;
        this.statuses = statuses;
    }

    public SummaryView summary(UUID holderId) {
        HolderView holder = holders.find(holderId).orElseThrow(() -> ProblemException.notFound("holder " + holderId));
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select cpf_ordinary, cpf_cec, cpf_top_ups, cpf_held, cpf_available, cpf_hours_minutes, cpf_as_of,
                               c2p_total, c2p_used_training, c2p_as_of, cec_total, cec_total_minutes, cec_as_of, enrolment_as_of
                        from holder_summary where holder_id = :holder""")
                .setParameter("holder", holderId).getResultList();
        Object[] r = rows.isEmpty() ? new Object[14] : rows.get(0);
        Instant cpfAsOf = instant(r[6]);
        Instant c2pAsOf = instant(r[9]);
        Instant cecAsOf = instant(r[12]);
        Instant enrolmentAsOf = instant(r[13]);
        SummaryView.Cpf cpf = new SummaryView.Cpf(money(r[0]), money(r[1]), money(r[2]), money(r[3]), money(r[4]),
                number(r[5]), cpfAsOf);
        C2pReserve.Split split = C2pReserve.split((int) number(r[7]), (int) number(r[8]), holder.birthDate().getYear());
        SummaryView.C2p c2p = new SummaryView.C2p(split.total(), split.reservedForTraining(), split.usable(), c2pAsOf);
        SummaryView.Cec cec = new SummaryView.Cec(money(r[10]), number(r[11]), cecAsOf);
        Instant asOf = Stream.of(cpfAsOf, c2pAsOf, cecAsOf, enrolmentAsOf).filter(Objects::nonNull)
                .max(Instant::compareTo).orElse(null);
        return new SummaryView(holderId, asOf, cpf, c2p, cec, statuses.history(holderId).current(),
                openEnrolments(holderId));
    }

    private List<SummaryView.Enrolment> openEnrolments(UUID holderId) {
        // an enrolment known only from its funding was requested: funds are reserved for requests
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select enrolment_id, offer_id, coalesce(state, 'REQUESTED'), start_date, coalesce(updated_at, funding_as_of),
                               funding_state, held, remainder_due, captured, funding_as_of
                        from holder_enrolment
                        where holder_id = :holder and coalesce(state, 'REQUESTED') in ('REQUESTED', 'IN_TRAINING')
                        order by start_date nulls last, enrolment_id""")
                .setParameter("holder", holderId).getResultList();
        return rows.stream().map(r -> new SummaryView.Enrolment((UUID) r[0], (UUID) r[1], (String) r[2],
                r[3] == null ? null : (r[3] instanceof Date d ? d.toLocalDate() : java.time.LocalDate.parse(r[3].toString())),
                instant(r[4]), r[5] == null ? null : new SummaryView.Funding((String) r[5], money(r[6]), money(r[7]),
                money(r[8]), instant(r[9])))).toList();
    }

    private static Money money(Object cents) {
        return Money.cents(number(cents));
    }

    private static long number(Object value) {
        return value == null ? 0L : ((Number) value).longValue();
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        return Instant.parse(value.toString());
    }
}
