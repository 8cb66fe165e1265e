package fr.cpa.account.declaration;

import fr.cpa.account.parameter.Dated;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The dated figures of payroll-declaration validation (DOMAIN.md §5, §1, §2): one place, each dated. */
final class DeclarationParameters {

    /** Accounts carry history from the CPF's start: no declaration of an earlier month. */
    static final YearMonth FIRST_PERIOD = YearMonth.of(2015, 1);

    /** One request carries at most this many employees (issue 4, performance). */
    static final int MAX_EMPLOYEES = 50_000;

    /** Hours and money in a declaration have at most this many decimals (hundredths of an hour: 151.67). */
    static final int MAX_DECIMALS = 2;
    /**
     * No quantity of a declaration comes near this (hours, days, cents of a month's pay): a bound that
     * keeps arithmetic on a number someone typed wrong, or sent to break us, within a long.
     */
    static final java.math.BigDecimal MAX_NUMBER = java.math.BigDecimal.valueOf(1_000_000_000_000L);

    /** Natures of contract accepted (DSN "nature du contrat", named in English). */
    static final Set<String> CONTRACT_NATURES = Set.of("CDI", "CDD", "INTERIM", "APPRENTICESHIP",
            "PROFESSIONALISATION", "INTERMITTENT", "SEASONAL", "CIVIL_SERVICE_APPOINTMENT", "PUBLIC_LAW_CONTRACT",
            "OTHER");

    /** Statuses of the contract and the civil-servant categories. */
    static final Set<String> CONTRACT_STATUSES = Set.of("EMPLOYEE", "CIVIL_SERVANT");
    static final Set<String> CIVIL_SERVANT_CATEGORIES = Set.of("A", "B", "C");

    /** Absences counted as worked time for the CPF (L6323-12), in force since the CPF opened. */
    static final List<Dated<Set<String>>> COUNTED_ABSENCES = List.of(Dated.since(LocalDate.of(2015, 1, 1),
            Set.of("MATERNITY", "PATERNITY", "ADOPTION", "PARENTAL_PRESENCE", "CARER", "PARENTAL_LEAVE",
                    "OCCUPATIONAL_DISEASE", "WORK_ACCIDENT")));

    /** The unit of an exposure's quantity and the body field that carries it. */
    enum Unit {
        NIGHTS("nights"), HOURS("hours"), INTERVENTIONS("interventions"), PEAKS("peaks");

        final String field;

        Unit(String field) {
            this.field = field;
        }
    }

    /** A hardship factor (D4163-2) with the units its quantity may be given in and when it is in force. */
    record Factor(String name, Set<Unit> units, Dated<Boolean> inForce) {
        boolean inForceDuring(int year) {
            LocalDate first = LocalDate.of(year, 1, 1);
            LocalDate last = LocalDate.of(year, 12, 31);
            return !inForce.from().isAfter(last) && (inForce.to() == null || !inForce.to().isBefore(first));
        }
    }

    private static final LocalDate C3P_START = LocalDate.of(2015, 1, 1);
    private static final LocalDate SECOND_WAVE = LocalDate.of(2016, 7, 1);
    private static final LocalDate REMOVED_AFTER = LocalDate.of(2017, 9, 30);

    /**
     * Night work, alternating shifts, repetitive work and hyperbaric from 2015; temperatures and noise
     * from July 2016; manual handling, postures, vibration and chemical agents July 2016 – Sept 2017.
     */
    static final Map<String, Factor> FACTORS = Map.of(
            "NIGHT_WORK", factor("NIGHT_WORK", Set.of(Unit.NIGHTS), C3P_START, null),
            "ALTERNATING_SHIFTS", factor("ALTERNATING_SHIFTS", Set.of(Unit.NIGHTS), C3P_START, null),
            "REPETITIVE_WORK", factor("REPETITIVE_WORK", Set.of(Unit.HOURS), C3P_START, null),
            "HYPERBARIC", factor("HYPERBARIC", Set.of(Unit.INTERVENTIONS), C3P_START, null),
            "EXTREME_TEMPERATURES", factor("EXTREME_TEMPERATURES", Set.of(Unit.HOURS), SECOND_WAVE, null),
            "NOISE", factor("NOISE", Set.of(Unit.HOURS, Unit.PEAKS), SECOND_WAVE, null),
            "MANUAL_HANDLING", factor("MANUAL_HANDLING", Set.of(Unit.HOURS), SECOND_WAVE, REMOVED_AFTER),
            "AWKWARD_POSTURES", factor("AWKWARD_POSTURES", Set.of(Unit.HOURS), SECOND_WAVE, REMOVED_AFTER),
            "VIBRATION", factor("VIBRATION", Set.of(Unit.HOURS), SECOND_WAVE, REMOVED_AFTER),
            "CHEMICAL_AGENTS", factor("CHEMICAL_AGENTS", Set.of(Unit.HOURS), SECOND_WAVE, REMOVED_AFTER));

    private DeclarationParameters() {
    }

    static Set<String> countedAbsences(LocalDate day) {
        return Dated.on(COUNTED_ABSENCES, day).orElse(Set.of());
    }

    static Optional<Factor> factor(String name) {
        return Optional.ofNullable(name == null ? null : FACTORS.get(name));
    }

    private static Factor factor(String name, Set<Unit> units, LocalDate from, LocalDate to) {
        return new Factor(name, units, new Dated<>(Boolean.TRUE, from, to));
    }
}
