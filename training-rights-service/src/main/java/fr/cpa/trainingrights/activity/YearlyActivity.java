package fr.cpa.trainingrights.activity;

import fr.cpa.trainingrights.account.CpfAccount;
import fr.cpa.trainingrights.rules.Activity;
import fr.cpa.trainingrights.rules.YearFacts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * A holder's year as the rules read it: declared months summed per kind of time, the monthly reference
 * scaled to a year (12 × its average over the declared months), and the dated situations (self-employed,
 * ESAT, job seeker) that overlap the year.
 */
@ApplicationScoped
public class YearlyActivity {

    private final EntityManager em;

    YearlyActivity(EntityManager em) {
        this.em = em;
    }

    public YearFacts facts(CpfAccount account, int year) {
        List<Activity> activities = new ArrayList<>();
        @SuppressWarnings("unchecked")
        List<Object[]> months = em.createNativeQuery("""
                        select status, coalesce(max(category), ''), time_unit, count(*), coalesce(sum(paid_time), 0),
                               coalesce(sum(reference_time), 0), coalesce(sum(gross_pay_cents), 0), coalesce(sum(absence_minutes), 0)
                        from activity_month where holder_id = :h and year = :y group by status, time_unit""")
                .setParameter("h", account.holderId).setParameter("y", year).getResultList();
        for (Object[] m : months) {
            String status = (String) m[0];
            if ("CIVIL_SERVANT".equals(status)) {
                activities.add(new Activity.CivilServant(((String) m[1]).isEmpty() ? "A" : (String) m[1]));
                continue;
            }
            long count = ((Number) m[3]).longValue();
            long paid = ((Number) m[4]).longValue();
            long reference = ((Number) m[5]).longValue();
            long pay = ((Number) m[6]).longValue();
            long absences = ((Number) m[7]).longValue();
            Long yearly = reference > 0 ? Math.round(reference * 12.0 / count) : null;
            switch ((String) m[2]) {
                case "HOURS" -> activities.add(new Activity.Employee(Activity.Basis.HOURS, paid, yearly, absences));
                case "DAYS" -> activities.add(new Activity.Employee(Activity.Basis.DAYS, paid, yearly, absences));
                default -> activities.add(new Activity.Employee(Activity.Basis.PAY, pay, null, absences));
            }
        }
        LocalDate first = LocalDate.of(year, 1, 1);
        LocalDate last = LocalDate.of(year, 12, 31);
        @SuppressWarnings("unchecked")
        List<Object[]> statuses = em.createNativeQuery("""
                        select status, valid_from, valid_to from holder_status
                        where holder_id = :h and valid_from <= :last and (valid_to is null or valid_to >= :first)
                          and status in ('SELF_EMPLOYED', 'ESAT', 'JOB_SEEKER')""")
                .setParameter("h", account.holderId).setParameter("first", first).setParameter("last", last).getResultList();
        long selfEmployedDays = 0;
        for (Object[] s : statuses) {
            LocalDate from = toDate(s[1]);
            LocalDate to = s[2] == null ? last : toDate(s[2]);
            switch ((String) s[0]) {
                case "SELF_EMPLOYED" -> selfEmployedDays += ChronoUnit.DAYS.between(from.isBefore(first) ? first : from,
                        (to.isAfter(last) ? last : to).plusDays(1));
                case "ESAT" -> activities.add(new Activity.Esat());
                default -> activities.add(new Activity.JobSeeker());
            }
        }
        if (selfEmployedDays > 0) {
            // account-service reports self-employment once the training contribution (CFP) is collected
            activities.add(new Activity.SelfEmployed(Math.min(selfEmployedDays, java.time.Year.of(year).length()), true));
        }
        return new YearFacts(year, account.lowQualifiedIn(year), account.disabledWorkerIn(year), activities);
    }

    private static LocalDate toDate(Object value) {
        return value instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) value;
    }
}
