package fr.cpa.trainingrights.simulation;

import fr.cpa.platform.money.Money;
import fr.cpa.platform.problem.Problem.FieldError;
import fr.cpa.platform.problem.ProblemException;
import fr.cpa.trainingrights.rules.AccountState;
import fr.cpa.trainingrights.rules.Activity;
import fr.cpa.trainingrights.rules.Explanation;
import fr.cpa.trainingrights.rules.ParameterTable;
import fr.cpa.trainingrights.rules.Simulator;
import fr.cpa.trainingrights.rules.YearFacts;
import fr.cpa.trainingrights.rules.YearlyCredit;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Validates a simulation request as a whole (every bad field named), runs the rules, maps the answer. */
@ApplicationScoped
public class SimulationService {

    static final int FIRST_YEAR = 2015;
    static final int MAX_YEARS = 60;
    static final int FUTURE_YEARS = 10;
    /** Worked time above this multiple of the reference needs an explanation (a likely typo otherwise). */
    static final BigDecimal IMPLAUSIBLE_FACTOR = new BigDecimal("1.5");
    static final Set<String> KINDS = Set.of("EMPLOYEE", "CIVIL_SERVANT", "SELF_EMPLOYED", "ESAT", "JOB_SEEKER");
    static final BigDecimal LEGAL_REFERENCE_HOURS = BigDecimal.valueOf(1607);

    private final Simulator simulator = new Simulator(ParameterTable.LAW);
    private final Clock clock;

    SimulationService(Clock clock) {
        this.clock = clock;
    }

    public SimulationResponse simulate(SimulationRequest request) {
        Simulator.Input input = validate(request);
        Simulator.Output output = simulator.run(input);
        List<SimulationResponse.YearOutcome> years = new ArrayList<>();
        for (Simulator.YearResult r : output.years()) {
            YearlyCredit c = r.credit();
            List<Explanation> explanation = new ArrayList<>(c.explanation());
            if (r.conversion() != null) {
                explanation.add(r.conversion().explanation());
            }
            AccountState after = r.after();
            // DIF hours not yet converted are still hours on the account
            long hoursAfter = after.hoursEraMinutes() + after.civilServantMinutes() + r.difMinutes();
            years.add(new SimulationResponse.YearOutcome(c.year(), Money.cents(c.cents()), hours(c.minutes()), c.minutes(),
                    c.category(), r.conversion() == null ? null : Money.cents(r.conversion().cents()),
                    Money.cents(after.ordinaryCents()), hours(hoursAfter), hoursAfter, c.capReached(), explanation));
        }
        long closingMinutes = output.closing().hoursEraMinutes() + output.closing().civilServantMinutes()
                + output.closingDifMinutes();
        return new SimulationResponse(years, Money.cents(output.closing().ordinaryCents()), hours(closingMinutes), closingMinutes);
    }

    static BigDecimal hours(long minutes) {
        return BigDecimal.valueOf(minutes).divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP);
    }

    Simulator.Input validate(SimulationRequest request) {
        List<FieldError> errors = new ArrayList<>();
        if (request == null) {
            throw ProblemException.invalid("body", "a simulation request is required");
        }
        LocalDate birthDate = null;
        boolean lowQualified = false;
        boolean disabled = false;
        if (request.holder() == null) {
            errors.add(new FieldError("holder", "is required"));
        } else {
            birthDate = request.holder().birthDate();
            if (birthDate == null) {
                errors.add(new FieldError("holder.birthDate", "is required"));
            } else if (birthDate.isAfter(LocalDate.now(clock))) {
                errors.add(new FieldError("holder.birthDate", "must not be in the future"));
            }
            lowQualified = Boolean.TRUE.equals(request.holder().lowQualified());
            disabled = Boolean.TRUE.equals(request.holder().disabledWorker());
        }
        long openingCents = 0;
        if (request.openingBalance() != null) {
            openingCents = request.openingBalance().amount();
            if (openingCents < 0) {
                errors.add(new FieldError("openingBalance.amount", "must not be negative"));
            }
        }
        long openingMinutes = minutes(request.openingHours(), "openingHours", errors);
        long openingDifMinutes = minutes(request.openingDifHours(), "openingDifHours", errors);
        List<YearFacts> years = new ArrayList<>();
        if (request.years() == null || request.years().isEmpty()) {
            errors.add(new FieldError("years", "at least one year is required"));
        } else if (request.years().size() > MAX_YEARS) {
            errors.add(new FieldError("years", "at most " + MAX_YEARS + " years"));
        } else {
            int lastYear = Integer.MAX_VALUE;
            int maxYear = LocalDate.now(clock).getYear() + FUTURE_YEARS;
            for (int i = 0; i < request.years().size(); i++) {
                String path = "years[" + i + "]";
                SimulationRequest.Year y = request.years().get(i);
                if (y == null) {
                    errors.add(new FieldError(path, "must not be null"));
                    continue;
                }
                int year = 0;
                if (y.year() == null) {
                    errors.add(new FieldError(path + ".year", "is required"));
                } else {
                    year = y.year();
                    if (year < FIRST_YEAR) {
                        errors.add(new FieldError(path + ".year", "the CPF starts in " + FIRST_YEAR));
                    } else if (year > maxYear) {
                        errors.add(new FieldError(path + ".year", "at most " + maxYear));
                    } else if (birthDate != null && year < birthDate.getYear() + 15) {
                        errors.add(new FieldError(path + ".year", "the account opens at 16 (15 for an apprentice)"));
                    }
                    if (lastYear != Integer.MAX_VALUE && year <= lastYear) {
                        errors.add(new FieldError(path + ".year", "years must be strictly increasing"));
                    }
                    lastYear = year;
                }
                List<Activity> activities = activities(y, year, path, errors);
                years.add(new YearFacts(year, y.lowQualified() != null ? y.lowQualified() : lowQualified,
                        y.disabledWorker() != null ? y.disabledWorker() : disabled, activities));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return new Simulator.Input(openingCents, openingMinutes, openingDifMinutes, years);
    }

    private List<Activity> activities(SimulationRequest.Year y, int year, String yearPath, List<FieldError> errors) {
        List<Activity> activities = new ArrayList<>();
        if (y.activities() == null) {
            errors.add(new FieldError(yearPath + ".activities", "is required (may be empty)"));
            return activities;
        }
        for (int j = 0; j < y.activities().size(); j++) {
            String path = yearPath + ".activities[" + j + "]";
            SimulationRequest.Activity a = y.activities().get(j);
            if (a == null) {
                errors.add(new FieldError(path, "must not be null"));
                continue;
            }
            if (a.kind() == null || !KINDS.contains(a.kind())) {
                errors.add(new FieldError(path + ".kind", a.kind() == null ? "is required"
                        : "unknown kind " + a.kind() + "; one of EMPLOYEE, CIVIL_SERVANT, SELF_EMPLOYED, ESAT, JOB_SEEKER"));
                continue;
            }
            switch (a.kind()) {
                case "EMPLOYEE" -> employee(a, path, errors, activities);
                case "CIVIL_SERVANT" -> {
                    if (a.category() == null || !Set.of("A", "B", "C").contains(a.category())) {
                        errors.add(new FieldError(path + ".category", "a civil servant needs category A, B or C"));
                    } else {
                        activities.add(new Activity.CivilServant(a.category()));
                    }
                }
                case "SELF_EMPLOYED" -> {
                    int days = year > 0 ? java.time.Year.of(year).length() : 366;
                    boolean ok = true;
                    if (a.activityDays() == null || a.activityDays() < 0 || a.activityDays() > days) {
                        errors.add(new FieldError(path + ".activityDays", "required, between 0 and " + days));
                        ok = false;
                    }
                    if (a.contributionPaid() == null) {
                        errors.add(new FieldError(path + ".contributionPaid", "is required for a self-employed activity"));
                        ok = false;
                    }
                    if (ok) {
                        activities.add(new Activity.SelfEmployed(a.activityDays(), a.contributionPaid()));
                    }
                }
                case "ESAT" -> activities.add(new Activity.Esat());
                case "JOB_SEEKER" -> activities.add(new Activity.JobSeeker());
                default -> throw new IllegalStateException(a.kind());
            }
        }
        return activities;
    }

    private void employee(SimulationRequest.Activity a, String path, List<FieldError> errors, List<Activity> activities) {
        int bases = (a.workedHours() != null ? 1 : 0) + (a.forfaitDays() != null ? 1 : 0) + (a.grossPay() != null ? 1 : 0);
        if (bases != 1) {
            errors.add(new FieldError(path + ".workedHours",
                    "an employee needs exactly one of workedHours, forfaitDays or grossPay"));
            return;
        }
        int before = errors.size();
        long absence = minutes(a.countedAbsenceHours(), path + ".countedAbsenceHours", errors);
        boolean explained = a.workedTimeExplanation() != null && !a.workedTimeExplanation().isBlank();
        if (a.workedHours() != null) {
            long worked = minutes(a.workedHours(), path + ".workedHours", errors);
            Long reference = null;
            BigDecimal referenceHours = a.referenceHours() == null ? LEGAL_REFERENCE_HOURS : a.referenceHours();
            if (a.referenceHours() != null) {
                if (a.referenceHours().signum() <= 0) {
                    errors.add(new FieldError(path + ".referenceHours", "must be positive"));
                } else {
                    reference = minutes(a.referenceHours(), path + ".referenceHours", errors);
                }
            }
            if (a.workedHours().signum() >= 0 && referenceHours.signum() > 0
                    && a.workedHours().compareTo(referenceHours.multiply(IMPLAUSIBLE_FACTOR)) > 0 && !explained) {
                errors.add(new FieldError(path + ".workedHours", "more than 1.5 × the reference ("
                        + referenceHours.multiply(IMPLAUSIBLE_FACTOR).stripTrailingZeros().toPlainString()
                        + " h): give workedTimeExplanation"));
            }
            if (errors.size() == before) {
                activities.add(new Activity.Employee(Activity.Basis.HOURS, worked, reference, absence));
            }
        } else if (a.forfaitDays() != null) {
            if (a.forfaitDays() <= 0 || a.forfaitDays() > 366) {
                errors.add(new FieldError(path + ".forfaitDays", "between 1 and 366"));
            }
            int worked = a.workedDays() == null ? a.forfaitDays() : a.workedDays();
            if (worked < 0 || worked > 366) {
                errors.add(new FieldError(path + ".workedDays", "between 0 and 366"));
            } else if (a.forfaitDays() > 0 && worked > a.forfaitDays() * 1.5 && !explained) {
                errors.add(new FieldError(path + ".workedDays", "more than 1.5 × the forfait: give workedTimeExplanation"));
            }
            if (errors.size() == before) {
                activities.add(new Activity.Employee(Activity.Basis.DAYS, worked, (long) a.forfaitDays(), absence));
            }
        } else {
            if (a.grossPay().amount() < 0) {
                errors.add(new FieldError(path + ".grossPay.amount", "must not be negative"));
            }
            if (errors.size() == before) {
                activities.add(new Activity.Employee(Activity.Basis.PAY, a.grossPay().amount(), null, absence));
            }
        }
    }

    /** Hours with at most 2 decimals, not negative, to whole minutes (rounded half up). */
    private static long minutes(BigDecimal hours, String field, List<FieldError> errors) {
        if (hours == null) {
            return 0;
        }
        if (hours.signum() < 0) {
            errors.add(new FieldError(field, "must not be negative"));
            return 0;
        }
        if (hours.stripTrailingZeros().scale() > 2) {
            errors.add(new FieldError(field, "at most 2 decimals"));
            return 0;
        }
        if (hours.compareTo(BigDecimal.valueOf(100_000)) > 0) {
            errors.add(new FieldError(field, "at most 100000 hours"));
            return 0;
        }
        return hours.multiply(BigDecimal.valueOf(60)).setScale(0, RoundingMode.HALF_UP).longValueExact();
    }
}
