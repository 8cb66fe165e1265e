package fr.cpa.trainingrights.activity;

import fr.cpa.trainingrights.account.CpfAccount;
import fr.cpa.trainingrights.rules.Activity;
import fr.cpa.trainingrights.rules.YearFacts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A holder's year as the rules read it: declared months summed per kind of time, the monthly reference
 * scaled to a year (12 × its average over the declared months), and the dated situations (self-employed,
 * ESAT, job seeker, low-qualified, disabled worker) that overlap the year. Read for one holder ({@link #facts(CpfAccount, int)}) or for a
 * chunk of the yearly run in two queries ({@link #facts(Collection, int)}); both go through {@link Year}, so
 * they cannot differ.
 */
@ApplicationScoped
public class YearlyActivity {

    private static final String MONTHS = """
            select holder_id, status, coalesce(max(category), ''), time_unit, count(*), coalesce(sum(paid_time), 0),
                   coalesce(sum(reference_time), 0), coalesce(sum(gross_pay_cents), 0), coalesce(sum(absence_minutes), 0)
            from activity_month where holder_id = any(?) and year = ? group by holder_id, status, time_unit""";
    private static final String STATUSES = """
            select holder_id, status, valid_from, valid_to from holder_status
            where holder_id = any(?) and valid_from <= ? and (valid_to is null or valid_to >= ?)
              and status in ('SELF_EMPLOYED', 'ESAT', 'JOB_SEEKER', 'LOW_QUALIFIED', 'DISABLED_WORKER')""";

    private final EntityManager em;

    YearlyActivity(EntityManager em) {
        this.em = em;
    }

    public YearFacts facts(CpfAccount account, int year) {
        return facts(List.of(account), year).get(account.holderId);
    }

    /** The year's facts of each account, by holder id: one query for the months, one for the situations. */
    public Map<UUID, YearFacts> facts(Collection<CpfAccount> accounts, int year) {
        Map<UUID, Year> years = new HashMap<>(accounts.size() * 2);
        for (CpfAccount account : accounts) {
            years.put(account.holderId, new Year(year));
        }
        LocalDate first = LocalDate.of(year, 1, 1);
        LocalDate last = LocalDate.of(year, 12, 31);
        em.unwrap(Session.class).doWork(connection -> {
            Array holders = connection.createArrayOf("uuid", years.keySet().toArray());
            try (PreparedStatement months = connection.prepareStatement(MONTHS)) {
                months.setArray(1, holders);
                months.setInt(2, year);
                try (ResultSet m = months.executeQuery()) {
                    while (m.next()) {
                        years.get(m.getObject(1, UUID.class)).month(m.getString(2), m.getString(3), m.getString(4), m.getLong(5),
                                m.getLong(6), m.getLong(7), m.getLong(8), m.getLong(9));
                    }
                }
            }
            try (PreparedStatement statuses = connection.prepareStatement(STATUSES)) {
                statuses.setArray(1, holders);
                statuses.setObject(2, last);
                statuses.setObject(3, first);
                try (ResultSet s = statuses.executeQuery()) {
                    while (s.next()) {
                        years.get(s.getObject(1, UUID.class)).status(s.getString(2), s.getObject(3, LocalDate.class),
                                s.getObject(4, LocalDate.class));
                    }
                }
            }
        });
        Map<UUID, YearFacts> facts = new HashMap<>(accounts.size() * 2);
        for (CpfAccount account : accounts) {
            facts.put(account.holderId, years.get(account.holderId).facts(account));
        }
        return facts;
    }

    /** One holder's year, built from the rows of the two queries. */
    private static final class Year {
        private final int year;
        private final LocalDate first;
        private final LocalDate last;
        private final List<Activity> activities = new ArrayList<>();
        private long selfEmployedDays;
        private boolean lowQualified;
        private boolean disabledWorker;

        Year(int year) {
            this.year = year;
            this.first = LocalDate.of(year, 1, 1);
            this.last = LocalDate.of(year, 12, 31);
        }

        /** The declared months of one status and unit of time, summed. */
        void month(String status, String category, String timeUnit, long count, long paid, long reference, long pay, long absences) {
            if ("CIVIL_SERVANT".equals(status)) {
                activities.add(new Activity.CivilServant(category.isEmpty() ? "A" : category));
                return;
            }
            Long yearly = reference > 0 ? Math.round(reference * 12.0 / count) : null;
            switch (timeUnit) {
                case "HOURS" -> activities.add(new Activity.Employee(Activity.Basis.HOURS, paid, yearly, absences));
                case "DAYS" -> activities.add(new Activity.Employee(Activity.Basis.DAYS, paid, yearly, absences));
                default -> activities.add(new Activity.Employee(Activity.Basis.PAY, pay, null, absences));
            }
        }

        /** A dated situation overlapping the year. */
        void status(String status, LocalDate from, LocalDate validTo) {
            LocalDate to = validTo == null ? last : validTo;
            switch (status) {
                case "SELF_EMPLOYED" -> selfEmployedDays += ChronoUnit.DAYS.between(from.isBefore(first) ? first : from,
                        (to.isAfter(last) ? last : to).plusDays(1));
                case "ESAT" -> activities.add(new Activity.Esat());
                // a declaration or recognition in force on any day of the year counts for the whole year: the holder
                // had the status in that year (account-service starts a declaration on 1 January of its year, and
                // DOMAIN.md §1 credits by year); a period ended in year N counts for N, not for N + 1
                case "LOW_QUALIFIED" -> lowQualified = true;
                case "DISABLED_WORKER" -> disabledWorker = true;
                default -> activities.add(new Activity.JobSeeker());
            }
        }

        YearFacts facts(CpfAccount account) {
            List<Activity> all = new ArrayList<>(activities);
            if (selfEmployedDays > 0) {
                // account-service reports self-employment once the training contribution (CFP) is collected
                all.add(new Activity.SelfEmployed(Math.min(selfEmployedDays, java.time.Year.of(year).length()), true));
            }
            return new YearFacts(year, lowQualified, disabledWorker, all);
        }
    }
}
