package fr.cpa.trainingrights.rules;

import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static fr.cpa.trainingrights.rules.Amounts.euros;
import static fr.cpa.trainingrights.rules.Amounts.hours;
import static fr.cpa.trainingrights.rules.Param.*;

/**
 * The yearly acquisition of CPF rights (DOMAIN.md §1): hours era 2015–2018, euros era from 2019,
 * civil servants in hours, the most favourable of several categories (R6323-27) and the cap cut
 * exactly at the ceiling. A year's rules are those in force on 31 December of that year.
 */
public final class AcquisitionRules {

    /** Hours and euros compare at the rate of the 1 January 2019 conversion (15 € = 1 h). */
    static final LocalDate CONVERSION_DAY = LocalDate.of(2019, 1, 1);

    private final ParameterTable table;

    public AcquisitionRules(ParameterTable table) {
        this.table = table;
    }

    /** The credit for {@code facts.year()} given the statutory balances before it. */
    public YearlyCredit credit(YearFacts facts, AccountState before) {
        LocalDate day = LocalDate.of(facts.year(), 12, 31);
        List<Candidate> candidates = new ArrayList<>();
        List<Activity.Employee> employees = facts.activities().stream()
                .filter(Activity.Employee.class::isInstance).map(Activity.Employee.class::cast).toList();
        if (!employees.isEmpty()) {
            candidates.add(table.find(YEARLY_CREDIT, day).isPresent()
                    ? euroEmployee(facts, employees, before, day)
                    : hoursEraEmployee(facts, employees, before, day));
        }
        facts.activities().stream().filter(Activity.CivilServant.class::isInstance)
                .map(Activity.CivilServant.class::cast).findFirst()
                .ifPresent(cs -> candidates.add(civilServant(facts, cs, before, day)));
        List<Activity.SelfEmployed> selfEmployed = facts.activities().stream()
                .filter(Activity.SelfEmployed.class::isInstance).map(Activity.SelfEmployed.class::cast).toList();
        if (!selfEmployed.isEmpty()) {
            candidates.add(selfEmployed(facts, selfEmployed, before, day));
        }
        if (facts.activities().stream().anyMatch(Activity.Esat.class::isInstance)) {
            candidates.add(esat(facts, before, day));
        }
        if (facts.activities().stream().anyMatch(Activity.JobSeeker.class::isInstance)) {
            candidates.add(Candidate.nothing("JOB_SEEKER", new ExplanationBuilder("JOB_SEEKER",
                    "L6323-1: a job seeker's account is not credited while unemployed")
                    .input("year", facts.year()).result("0 (no credit for time as a job seeker)")));
        }
        if (candidates.isEmpty()) {
            return new YearlyCredit(facts.year(), "NONE", YearlyCredit.Pot.NONE, 0, 0, false, List.of(
                    new ExplanationBuilder("NO_ACTIVITY", "L6323-11").input("year", facts.year())
                            .result("0 (no activity declared for the year)")));
        }
        Candidate best = candidates.stream().max(Comparator.comparingLong(c -> c.value(table))).orElseThrow();
        List<Explanation> explanation = new ArrayList<>();
        candidates.forEach(c -> explanation.addAll(c.explanation));
        if (candidates.size() > 1) {
            ExplanationBuilder choice = new ExplanationBuilder("MOST_FAVOURABLE",
                    "R6323-27: a person in several categories gets the most favourable amount and cap; one yearly credit only");
            long rate = choice.use(table.at(CONVERSION_RATE_PER_HOUR, CONVERSION_DAY));
            candidates.forEach(c -> choice.step(c.category + ": " + c.describe() + " (worth "
                    + euros(c.cents + c.minutes * rate / 60) + ")"));
            explanation.add(choice.result(best.category + " is the most favourable"));
        }
        return new YearlyCredit(facts.year(), best.category, best.pot, best.cents, best.minutes, best.capReached, explanation);
    }

    // --- euros era (from 2019) ---------------------------------------------------------------

    private Candidate euroEmployee(YearFacts facts, List<Activity.Employee> employees, AccountState before, LocalDate day) {
        ExplanationBuilder x = new ExplanationBuilder(facts.disabledWorker() ? "EUROS_ERA_EMPLOYEE_OETH"
                : facts.lowQualified() ? "EUROS_ERA_LOW_QUALIFIED_EMPLOYEE" : "EUROS_ERA_EMPLOYEE",
                "L6323-11, R6323-1 ff.");
        x.input("year", facts.year()).input("lowQualified", facts.lowQualified())
                .input("disabledWorker", facts.disabledWorker());
        Ratio f = workedFraction(employees, day, x);
        long threshold = x.use(table.at(FULL_CREDIT_THRESHOLD_PERCENT, day));
        long gross = yearlyEmployeeCredit(f, threshold, facts.lowQualified() ? LOW_QUALIFIED_CREDIT : YEARLY_CREDIT, day, x);
        long cap = x.use(table.at(facts.lowQualified() ? LOW_QUALIFIED_CAP : CAP, day));
        if (facts.disabledWorker()) {
            // OETH is "the normal credit + 300 €": the normal one, not the low-qualified 800 €. A low-qualified
            // disabled worker is in two categories and gets the more favourable of them, not both (R6323-27).
            long normal = facts.lowQualified() ? yearlyEmployeeCredit(f, threshold, YEARLY_CREDIT, day, x) : gross;
            if (normal > 0) {
                long supplement = x.use(table.at(OETH_SUPPLEMENT, day));
                long oethCap = x.use(table.at(OETH_CAP, day));
                long oeth = normal + supplement;
                x.step("disabled worker (OETH): " + euros(normal) + " + " + euros(supplement) + " = " + euros(oeth)
                        + "; cap " + euros(oethCap));
                if (facts.lowQualified()) {
                    x.step("low-qualified " + euros(gross) + " or OETH " + euros(oeth) + ": the most favourable, "
                            + euros(Math.max(gross, oeth)) + " (R6323-27; one credit, not both)");
                }
                gross = Math.max(gross, oeth);
                cap = Math.max(cap, oethCap);
            }
        }
        return cutEuros("EMPLOYEE", gross, cap, before, x);
    }

    /** {@code yearly} in full from the threshold of the reference time, else pro rata rounded up to the cent. */
    private long yearlyEmployeeCredit(Ratio f, long threshold, Param param, LocalDate day, ExplanationBuilder x) {
        long yearly = x.use(table.at(param, day));
        if (f.atLeastPercent(threshold)) {
            x.step("worked fraction " + f + " ≥ " + threshold + " % → full yearly credit " + euros(yearly) + " (no pro rata)");
            return yearly;
        }
        long credit = f.timesRoundedUp(yearly);
        x.step("worked fraction " + f + " < " + threshold + " % → " + euros(yearly) + " × " + f
                + " = " + euros(credit) + " (rounded up to the cent)");
        return credit;
    }

    /** Σ worked / reference over the year's employee activities, overtime ignored, at most 1. */
    private Ratio workedFraction(List<Activity.Employee> employees, LocalDate day, ExplanationBuilder x) {
        Ratio total = Ratio.ZERO;
        long legalReference = table.at(REFERENCE_HOURS, day).value();
        int i = 0;
        for (Activity.Employee e : employees) {
            String label = "activity[" + i++ + "]";
            Ratio f;
            switch (e.basis()) {
                case HOURS -> {
                    long reference = e.reference() != null ? e.reference() : x.use(table.at(REFERENCE_HOURS, day));
                    f = Ratio.of(e.worked() + e.countedAbsenceMinutes(), reference).atMostOne();
                    x.input(label, "hours: worked " + hours(e.worked()) + ", counted absences "
                            + hours(e.countedAbsenceMinutes()) + ", reference " + hours(reference)
                            + (e.reference() == null ? " (legal)" : " (agreed)"));
                    x.step(label + ": (" + hours(e.worked()) + " + " + hours(e.countedAbsenceMinutes()) + ") / "
                            + hours(reference) + " = " + f + (f.equals(Ratio.ONE) ? " (overtime ignored, at most 1)" : ""));
                }
                case DAYS -> {
                    long max = x.use(table.at(FORFAIT_DAYS_MAX, day));
                    long reference = e.reference() == null ? max : Math.min(e.reference(), max);
                    f = Ratio.of(e.worked(), reference).plus(absences(e, legalReference, day, x)).atMostOne();
                    x.input(label, "forfait-jours: worked " + e.worked() + " days, forfait "
                            + (e.reference() == null ? "not given" : e.reference() + " days"));
                    x.step(label + ": " + e.worked() + " days / min(forfait, " + max + ") = " + e.worked() + " / "
                            + reference + (e.countedAbsenceMinutes() > 0 ? " + counted absences " + hours(e.countedAbsenceMinutes())
                            + " / " + hours(legalReference) : "") + " = " + f);
                }
                case PAY -> {
                    long referenceMinutes = x.use(table.at(PAY_BASED_REFERENCE_HOURS, day));
                    long smic = x.use(table.at(SMIC_HOURLY, day));
                    long referencePay = referenceMinutes / 60 * smic;
                    f = Ratio.of(e.worked(), referencePay).plus(absences(e, legalReference, day, x)).atMostOne();
                    x.input(label, "paid without an hours basis: gross pay " + euros(e.worked()));
                    x.step(label + ": reference pay " + referenceMinutes / 60 + " × " + euros(smic) + " = "
                            + euros(referencePay) + "; " + euros(e.worked()) + " / " + euros(referencePay) + " = " + f);
                }
                default -> throw new IllegalStateException("unknown basis " + e.basis());
            }
            total = total.plus(f);
        }
        if (employees.size() > 1) {
            x.step("employee activities add up: " + total + (total.compareTo(Ratio.ONE) > 0 ? " → at most 1" : ""));
        }
        return total.atMostOne();
    }

    private Ratio absences(Activity.Employee e, long legalReference, LocalDate day, ExplanationBuilder x) {
        if (e.countedAbsenceMinutes() == 0) {
            return Ratio.ZERO;
        }
        x.use(table.at(REFERENCE_HOURS, day));
        return Ratio.of(e.countedAbsenceMinutes(), legalReference);
    }

    private Candidate selfEmployed(YearFacts facts, List<Activity.SelfEmployed> activities, AccountState before, LocalDate day) {
        ExplanationBuilder x = new ExplanationBuilder("SELF_EMPLOYED", "L6323-25, R6323-13");
        long days = activities.stream().filter(Activity.SelfEmployed::contributionPaid)
                .mapToLong(Activity.SelfEmployed::activityDays).sum();
        boolean paid = activities.stream().anyMatch(Activity.SelfEmployed::contributionPaid);
        x.input("year", facts.year()).input("contributionPaid", paid).input("activityDays", days);
        if (table.find(SELF_EMPLOYED_CREDIT, day).isEmpty()) {
            return Candidate.nothing("SELF_EMPLOYED", x.result("0 (the self-employed credit in euros starts with 2019)"));
        }
        if (!paid) {
            return Candidate.nothing("SELF_EMPLOYED", x.result("0 (the training contribution was not paid)"));
        }
        long yearly = x.use(table.at(SELF_EMPLOYED_CREDIT, day));
        long cap = x.use(table.at(SELF_EMPLOYED_CAP, day));
        int daysInYear = Year.of(facts.year()).length();
        Ratio f = Ratio.of(days, daysInYear).atMostOne();
        long gross = f.timesRoundedUp(yearly);
        x.step(euros(yearly) + " × " + days + " / " + daysInYear + " days = " + euros(gross) + " (rounded up to the cent)");
        return cutEuros("SELF_EMPLOYED", gross, cap, before, x);
    }

    private Candidate esat(YearFacts facts, AccountState before, LocalDate day) {
        ExplanationBuilder x = new ExplanationBuilder("ESAT", "L6323-33, R6323-23");
        x.input("year", facts.year());
        if (table.find(ESAT_CREDIT, day).isEmpty()) {
            return Candidate.nothing("ESAT", x.result("0 (the ESAT credit in euros starts with 2019)"));
        }
        long credit = x.use(table.at(ESAT_CREDIT, day));
        long cap = x.use(table.at(ESAT_CAP, day));
        x.step("ESAT worker: " + euros(credit) + ", no pro rata");
        return cutEuros("ESAT", credit, cap, before, x);
    }

    private Candidate cutEuros(String category, long gross, long cap, AccountState before, ExplanationBuilder x) {
        x.input("ordinaryBalanceBefore", euros(before.ordinaryCents()));
        long room = Math.max(0, cap - before.ordinaryCents());
        long credit = Math.min(gross, room);
        if (credit < gross) {
            x.step("cap " + euros(cap) + ", balance " + euros(before.ordinaryCents()) + " → room "
                    + euros(room) + ": credit cut from " + euros(gross) + " to " + euros(credit));
        }
        boolean capReached = before.ordinaryCents() + credit >= cap;
        return new Candidate(category, YearlyCredit.Pot.ORDINARY, credit, 0, capReached,
                List.of(x.result("credit " + euros(credit) + ", balance after " + euros(before.ordinaryCents() + credit)
                        + (capReached ? " (cap reached)" : ""))));
    }

    // --- hours era (2015–2018) and civil servants ----------------------------------------------

    private Candidate hoursEraEmployee(YearFacts facts, List<Activity.Employee> employees, AccountState before, LocalDate day) {
        boolean lowQualified = facts.lowQualified() && table.find(HOURS_ERA_LOW_QUALIFIED_CREDIT, day).isPresent();
        ExplanationBuilder x = new ExplanationBuilder(lowQualified ? "HOURS_ERA_LOW_QUALIFIED_EMPLOYEE" : "HOURS_ERA_EMPLOYEE",
                "L6323-11 (version 2015-2018)" + (lowQualified ? ", L6323-11-1" : ""));
        x.input("year", facts.year()).input("lowQualified", facts.lowQualified());
        if (table.find(HOURS_ERA_FULL_YEAR_CREDIT, day).isEmpty()) {
            return Candidate.nothing("EMPLOYEE", x.result("0 (no CPF rule in force for " + facts.year() + ")"));
        }
        if (facts.lowQualified() && !lowQualified) {
            x.step("the low-qualified rate starts in 2017: ordinary hours-era rates apply");
        }
        Ratio f = workedFraction(employees, day, x);
        x.step("strict pro rata: worked fraction " + f);
        if (lowQualified) {
            long rate = x.use(table.at(HOURS_ERA_LOW_QUALIFIED_CREDIT, day));
            long cap = x.use(table.at(HOURS_ERA_LOW_QUALIFIED_CAP, day));
            long gross = f.timesRoundedUp(rate);
            x.step(hours(rate) + " × " + f + " = " + hours(gross) + " (rounded up to the minute)");
            return cutHours("EMPLOYEE", YearlyCredit.Pot.HOURS_ERA, gross, cap, before.hoursEraMinutes(), x);
        }
        long full = x.use(table.at(HOURS_ERA_FULL_YEAR_CREDIT, day));
        long reduced = x.use(table.at(HOURS_ERA_REDUCED_CREDIT, day));
        long step = x.use(table.at(HOURS_ERA_STEP, day));
        long cap = x.use(table.at(HOURS_ERA_CAP, day));
        long gross = stepped(f, full, reduced, step, before.hoursEraMinutes(), x);
        return cutHours("EMPLOYEE", YearlyCredit.Pot.HOURS_ERA, gross, cap, before.hoursEraMinutes(), x);
    }

    private Candidate civilServant(YearFacts facts, Activity.CivilServant cs, AccountState before, LocalDate day) {
        boolean categoryC = "C".equals(cs.category()) && facts.lowQualified();
        ExplanationBuilder x = new ExplanationBuilder(categoryC ? "CIVIL_SERVANT_CATEGORY_C_WITHOUT_LEVEL_3" : "CIVIL_SERVANT",
                "ordonnance 2017-53 art. 22 ter (loi 83-634); décret 2017-928, décret 2019-1392 from 2020");
        x.input("year", facts.year()).input("category", cs.category()).input("lowQualified", facts.lowQualified());
        if (table.find(CIVIL_SERVANT_CREDIT, day).isEmpty()) {
            return Candidate.nothing("CIVIL_SERVANT", x.result("0 (the public-service CPF starts in 2017)"));
        }
        x.step("part-time counts as full time: fraction 1");
        long balance = before.civilServantMinutes();
        if (categoryC) {
            long rate = x.use(table.at(CIVIL_SERVANT_C_CREDIT, day));
            long cap = x.use(table.at(CIVIL_SERVANT_C_CAP, day));
            return cutHours("CIVIL_SERVANT", YearlyCredit.Pot.CIVIL_SERVANT_HOURS, rate, cap, balance, x);
        }
        long full = x.use(table.at(CIVIL_SERVANT_CREDIT, day));
        long cap = x.use(table.at(CIVIL_SERVANT_CAP, day));
        var reduced = table.find(CIVIL_SERVANT_REDUCED_CREDIT, day);
        long gross = reduced.isPresent()
                ? stepped(Ratio.ONE, full, x.use(reduced.get()), x.use(table.at(CIVIL_SERVANT_STEP, day)), balance, x)
                : full;
        if (reduced.isEmpty()) {
            x.step("flat " + hours(full) + " a year (no step from 2020)");
        }
        return cutHours("CIVIL_SERVANT", YearlyCredit.Pot.CIVIL_SERVANT_HOURS, gross, cap, balance, x);
    }

    /**
     * The full rate until the balance reaches the step, the reduced rate for the rest of the year's
     * fraction: crossing mid-year, the part of the year after the crossing earns at the reduced rate.
     */
    private static long stepped(Ratio f, long full, long reduced, long step, long balance, ExplanationBuilder x) {
        x.input("hoursBalanceBefore", hours(balance));
        long atFullRate = f.timesRoundedUp(full);
        if (balance >= step) {
            long credit = f.timesRoundedUp(reduced);
            x.step("balance " + hours(balance) + " ≥ " + hours(step) + " → " + hours(reduced) + " × " + f + " = " + hours(credit));
            return credit;
        }
        if (balance + atFullRate <= step) {
            x.step(hours(full) + " × " + f + " = " + hours(atFullRate) + " (balance stays at or below " + hours(step) + ")");
            return atFullRate;
        }
        long first = step - balance;
        Ratio rest = f.minus(Ratio.of(first, full));
        long second = rest.timesRoundedUp(reduced);
        x.step("crossing " + hours(step) + ": " + hours(first) + " at " + hours(full) + "/year uses " + Ratio.of(first, full)
                + " of the year; the remaining " + rest + " earns " + hours(reduced) + " × " + rest + " = " + hours(second)
                + "; total " + hours(first + second));
        return first + second;
    }

    private static Candidate cutHours(String category, YearlyCredit.Pot pot, long gross, long cap, long balance, ExplanationBuilder x) {
        x.input("hoursBalanceBefore", hours(balance));
        long room = Math.max(0, cap - balance);
        long credit = Math.min(gross, room);
        if (credit < gross) {
            x.step("cap " + hours(cap) + ", balance " + hours(balance) + " → room " + hours(room)
                    + ": credit cut from " + hours(gross) + " to " + hours(credit));
        }
        boolean capReached = balance + credit >= cap;
        return new Candidate(category, pot, 0, credit, capReached, List.of(x.result("credit " + hours(credit)
                + ", hours balance after " + hours(balance + credit) + (capReached ? " (cap reached)" : ""))));
    }

    private record Candidate(String category, YearlyCredit.Pot pot, long cents, long minutes, boolean capReached,
                             List<Explanation> explanation) {

        static Candidate nothing(String category, Explanation why) {
            return new Candidate(category, YearlyCredit.Pot.NONE, 0, 0, false, List.of(why));
        }

        /** Worth in cents, hours at the conversion rate (DOMAIN.md: 15 € = 1 h), to compare categories. */
        long value(ParameterTable table) {
            return cents + minutes * table.at(CONVERSION_RATE_PER_HOUR, CONVERSION_DAY).value() / 60;
        }

        String describe() {
            return minutes > 0 ? hours(minutes) : euros(cents);
        }
    }
}
