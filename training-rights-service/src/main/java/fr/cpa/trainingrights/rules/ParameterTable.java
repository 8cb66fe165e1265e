package fr.cpa.trainingrights.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static fr.cpa.trainingrights.rules.Param.*;

/**
 * The dated parameters of DOMAIN.md §1: each figure with its effective period. The engine asks for
 * the value in force on a day (a year's rules are those in force on 31 December of that year; a
 * purchase's, those of its date). Periods of one parameter never overlap.
 */
public final class ParameterTable {

    /** The law's figures, from 2015 on. */
    public static final ParameterTable LAW = law();

    private final Map<Param, List<ParameterValue>> values;

    private ParameterTable(Map<Param, List<ParameterValue>> values) {
        this.values = values;
    }

    /** The value in force on {@code day}, if the rule exists then. */
    public Optional<ParameterValue> find(Param param, LocalDate day) {
        return values.getOrDefault(param, List.of()).stream().filter(v -> v.covers(day)).findFirst();
    }

    /** The value in force on {@code day}; the caller knows the rule is in force. */
    public ParameterValue at(Param param, LocalDate day) {
        return find(param, day).orElseThrow(() ->
                new IllegalStateException(param + " has no value in force on " + day));
    }

    /** Every dated value, for the admin view and the documentation. */
    public List<ParameterValue> all() {
        return values.values().stream().flatMap(List::stream).toList();
    }

    /** A copy with one more dated value, e.g. next year's indexed co-payment or a test's variant. */
    public ParameterTable with(ParameterValue value) {
        Map<Param, List<ParameterValue>> copy = new EnumMap<>(Param.class);
        values.forEach((p, list) -> copy.put(p, new ArrayList<>(list)));
        List<ParameterValue> list = copy.computeIfAbsent(value.param(), p -> new ArrayList<>());
        List<ParameterValue> kept = new ArrayList<>();
        for (ParameterValue v : list) {
            if (!overlaps(v, value)) {
                kept.add(v);
                continue;
            }
            // the new value replaces only its own period: what the old one covered before it stays in force until the
            // day before (e.g. 2026's co-payment still applies to a 2026 purchase once 2027's is added), and what it
            // covered after it resumes the day after
            if (v.from().isBefore(value.from())) {
                kept.add(new ParameterValue(v.param(), v.value(), v.from(), value.from().minusDays(1)));
            }
            if (value.to() != null && (v.to() == null || v.to().isAfter(value.to()))) {
                kept.add(new ParameterValue(v.param(), v.value(), value.to().plusDays(1), v.to()));
            }
        }
        kept.add(value);
        list.clear();
        list.addAll(kept);
        return new ParameterTable(copy);
    }

    private static boolean overlaps(ParameterValue a, ParameterValue b) {
        return (a.to() == null || !a.to().isBefore(b.from())) && (b.to() == null || !b.to().isBefore(a.from()));
    }

    private static ParameterTable law() {
        Builder b = new Builder();
        // Hours era (2015-2018)
        b.put(HOURS_ERA_FULL_YEAR_CREDIT, h(24), "2015-01-01", "2018-12-31");
        b.put(HOURS_ERA_REDUCED_CREDIT, h(12), "2015-01-01", "2018-12-31");
        b.put(HOURS_ERA_STEP, h(120), "2015-01-01", "2018-12-31");
        b.put(HOURS_ERA_CAP, h(150), "2015-01-01", "2018-12-31");
        b.put(HOURS_ERA_LOW_QUALIFIED_CREDIT, h(48), "2017-01-01", "2018-12-31");
        b.put(HOURS_ERA_LOW_QUALIFIED_CAP, h(400), "2017-01-01", "2018-12-31");
        // References
        b.put(REFERENCE_HOURS, h(1607), "2015-01-01", null);
        b.put(FORFAIT_DAYS_MAX, 218, "2015-01-01", null);
        b.put(PAY_BASED_REFERENCE_HOURS, h(2080), "2015-01-01", null);
        b.put(SMIC_HOURLY, 961, "2015-01-01", "2015-12-31");
        b.put(SMIC_HOURLY, 967, "2016-01-01", "2016-12-31");
        b.put(SMIC_HOURLY, 976, "2017-01-01", "2017-12-31");
        b.put(SMIC_HOURLY, 988, "2018-01-01", "2018-12-31");
        b.put(SMIC_HOURLY, 1003, "2019-01-01", "2019-12-31");
        b.put(SMIC_HOURLY, 1015, "2020-01-01", "2020-12-31");
        b.put(SMIC_HOURLY, 1025, "2021-01-01", "2021-09-30");
        b.put(SMIC_HOURLY, 1048, "2021-10-01", "2021-12-31");
        b.put(SMIC_HOURLY, 1057, "2022-01-01", "2022-04-30");
        b.put(SMIC_HOURLY, 1085, "2022-05-01", "2022-07-31");
        b.put(SMIC_HOURLY, 1107, "2022-08-01", "2022-12-31");
        b.put(SMIC_HOURLY, 1127, "2023-01-01", "2023-04-30");
        b.put(SMIC_HOURLY, 1152, "2023-05-01", "2023-12-31");
        b.put(SMIC_HOURLY, 1165, "2024-01-01", "2024-10-31");
        b.put(SMIC_HOURLY, 1188, "2024-11-01", "2025-12-31");
        b.put(SMIC_HOURLY, 1202, "2026-01-01", null); // unverified: keep configurable
        // Conversion on 1 January 2019
        b.put(CONVERSION_RATE_PER_HOUR, 1500, "2019-01-01", null);
        // CEC hours have their own rate, the one civic-engagement-service counts them at toward the 720 € cap
        b.put(CEC_CONVERSION_RATE_PER_HOUR, 1200, "2019-01-01", null);
        // Euros era
        b.put(FULL_CREDIT_THRESHOLD_PERCENT, 50, "2019-01-01", null);
        b.put(YEARLY_CREDIT, 50_000, "2019-01-01", null);
        b.put(CAP, 500_000, "2019-01-01", null);
        b.put(LOW_QUALIFIED_CREDIT, 80_000, "2019-01-01", null);
        b.put(LOW_QUALIFIED_CAP, 800_000, "2019-01-01", null);
        b.put(OETH_SUPPLEMENT, 30_000, "2019-01-01", null);
        b.put(OETH_CAP, 800_000, "2019-01-01", null);
        b.put(ESAT_CREDIT, 80_000, "2019-01-01", null);
        b.put(ESAT_CAP, 800_000, "2019-01-01", null);
        b.put(SELF_EMPLOYED_CREDIT, 50_000, "2019-01-01", null);
        b.put(SELF_EMPLOYED_CAP, 500_000, "2019-01-01", null);
        // Civil servants
        b.put(CIVIL_SERVANT_CREDIT, h(24), "2017-01-01", "2019-12-31");
        b.put(CIVIL_SERVANT_REDUCED_CREDIT, h(12), "2017-01-01", "2019-12-31");
        b.put(CIVIL_SERVANT_STEP, h(120), "2017-01-01", "2019-12-31");
        b.put(CIVIL_SERVANT_CAP, h(150), "2017-01-01", "2019-12-31");
        b.put(CIVIL_SERVANT_C_CREDIT, h(48), "2017-01-01", "2019-12-31");
        b.put(CIVIL_SERVANT_C_CAP, h(400), "2017-01-01", "2019-12-31");
        b.put(CIVIL_SERVANT_CREDIT, h(25), "2020-01-01", null);
        b.put(CIVIL_SERVANT_CAP, h(150), "2020-01-01", null);
        b.put(CIVIL_SERVANT_C_CREDIT, h(50), "2020-01-01", null);
        b.put(CIVIL_SERVANT_C_CAP, h(400), "2020-01-01", null);
        // Top-ups
        b.put(TOP_UP_CORRECTIVE, 300_000, "2019-01-01", null);
        b.put(TOP_UP_CORRECTIVE_REVIEW_YEARS, 6, "2019-01-01", null);
        b.put(TOP_UP_COLLECTIVE_AGREEMENT_MIN, 300_000, "2019-01-01", null);
        b.put(TOP_UP_WORK_ACCIDENT, 750_000, "2019-01-01", null);
        b.put(TOP_UP_WORK_ACCIDENT_MIN_INCAPACITY, 10, "2019-01-01", null);
        // Co-payment: nothing before 2 May 2024
        b.put(CO_PAYMENT, 10_000, "2024-05-02", "2024-12-31");
        b.put(CO_PAYMENT, 10_223, "2025-01-01", "2025-12-31");
        b.put(CO_PAYMENT, 10_320, "2026-01-01", null);
        // Per-action caps from 26 February 2026
        b.put(ACTION_CAP_RS, 150_000, "2026-02-26", null);
        b.put(ACTION_CAP_BILAN, 160_000, "2026-02-26", null);
        b.put(ACTION_CAP_DRIVING_LICENCE, 90_000, "2026-02-26", null);
        // Young people without a diploma, since the CPF opened
        b.put(YOUNG_WITHOUT_DIPLOMA_MIN_AGE, 16, "2015-01-01", null);
        b.put(YOUNG_WITHOUT_DIPLOMA_MAX_AGE, 25, "2015-01-01", null);
        return new ParameterTable(b.values);
    }

    private static long h(long hours) {
        return hours * 60;
    }

    private static final class Builder {
        final Map<Param, List<ParameterValue>> values = new EnumMap<>(Param.class);

        void put(Param param, long value, String from, String to) {
            ParameterValue v = new ParameterValue(param, value, LocalDate.parse(from), to == null ? null : LocalDate.parse(to));
            List<ParameterValue> list = values.computeIfAbsent(param, p -> new ArrayList<>());
            if (list.stream().anyMatch(other -> overlaps(other, v))) {
                throw new IllegalStateException(param + ": overlapping periods");
            }
            list.add(v);
        }
    }
}
