package fr.cpa.trainingrights.rules;

/** One kind of activity of a holder in a year: the facts the acquisition rules read. */
public sealed interface Activity {

    /** How an employee's working time is counted. */
    enum Basis {
        /** worked and reference in minutes (reference null: the legal 1 607 h). */
        HOURS,
        /** forfait-jours: worked days and the forfait's days (capped at 218). */
        DAYS,
        /** paid without an hours basis: gross pay in cents against 2 080 × hourly SMIC. */
        PAY
    }

    /**
     * A private-law employee (salarié). Several employee activities in a year add up.
     *
     * @param worked                minutes (HOURS), days (DAYS) or gross pay in cents (PAY)
     * @param reference             minutes (HOURS) or forfait days (DAYS); null: the legal default
     * @param countedAbsenceMinutes absences counted as worked (L6323-12): maternity, work accident…
     */
    record Employee(Basis basis, long worked, Long reference, long countedAbsenceMinutes) implements Activity {
        public static Employee hours(long workedMinutes, Long referenceMinutes) {
            return new Employee(Basis.HOURS, workedMinutes, referenceMinutes, 0);
        }
    }

    /** A civil servant (agent public), category A, B or C; part-time counts as full time. */
    record CivilServant(String category) implements Activity {
    }

    /** A self-employed worker: credited pro rata of the activity period, only if the training contribution was paid. */
    record SelfEmployed(long activityDays, boolean contributionPaid) implements Activity {
    }

    /** A worker in an ESAT (établissement et service d'aide par le travail). */
    record Esat() implements Activity {
    }

    /** A job seeker: the account is not credited while unemployed. */
    record JobSeeker() implements Activity {
    }
}
