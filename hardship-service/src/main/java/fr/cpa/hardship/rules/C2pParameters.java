package fr.cpa.hardship.rules;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Every C2P figure with its effective period (DOMAIN.md §2). The engines pick the value in force for
 * the year or the day they compute; nothing else in the service holds a legal figure.
 */
public final class C2pParameters {

    private C2pParameters() {
    }

    /** Ordonnance 2017-1389 and décret 2023-760: the two reforms that changed factors and figures. */
    public static final LocalDate REFORM_2017 = LocalDate.of(2017, 10, 1);
    public static final LocalDate REFORM_2023 = LocalDate.of(2023, 9, 1);
    private static final LocalDate START = LocalDate.of(2015, 1, 1);
    /** The C2P (then C3P) starts with the year 2015 (loi 2014-40). */
    public static final int FIRST_YEAR = START.getYear();
    private static final LocalDate JULY_2016 = LocalDate.of(2016, 7, 1);

    /** When each factor counts: four from 2015, six more from 1 Jul 2016, four removed on 1 Oct 2017. */
    public static final List<Dated<Factor>> FACTORS = List.of(
            new Dated<>(START, null, Factor.NIGHT_WORK, "D4163-2 (2015)"),
            new Dated<>(START, null, Factor.ALTERNATING_SHIFTS, "D4163-2 (2015)"),
            new Dated<>(START, null, Factor.REPETITIVE_WORK, "D4163-2 (2015)"),
            new Dated<>(START, null, Factor.HYPERBARIC, "D4163-2 (2015)"),
            new Dated<>(JULY_2016, null, Factor.EXTREME_TEMPERATURES, "D4163-2 (1 Jul 2016)"),
            new Dated<>(JULY_2016, null, Factor.NOISE, "D4163-2 (1 Jul 2016)"),
            new Dated<>(JULY_2016, REFORM_2017.minusDays(1), Factor.MANUAL_HANDLING, "D4163-2; removed by ordonnance 2017-1389"),
            new Dated<>(JULY_2016, REFORM_2017.minusDays(1), Factor.AWKWARD_POSTURES, "D4163-2; removed by ordonnance 2017-1389"),
            new Dated<>(JULY_2016, REFORM_2017.minusDays(1), Factor.VIBRATION, "D4163-2; removed by ordonnance 2017-1389"),
            new Dated<>(JULY_2016, REFORM_2017.minusDays(1), Factor.CHEMICAL_AGENTS, "D4163-2; removed by ordonnance 2017-1389"));

    /** A yearly minimum of one factor measured in one unit. */
    public record Threshold(Factor factor, Unit unit, long minimum) {
    }

    /**
     * Yearly minimums (D4163-2). The four factors removed in 2017 have no figure in DOMAIN.md: the
     * values below are those of the 2015 decree (unverified, kept here to be changed in one place).
     */
    public static final List<Dated<Threshold>> THRESHOLDS = List.of(
            new Dated<>(START, REFORM_2023.minusDays(1), new Threshold(Factor.NIGHT_WORK, Unit.NIGHTS, 120), "D4163-2"),
            new Dated<>(REFORM_2023, null, new Threshold(Factor.NIGHT_WORK, Unit.NIGHTS, 100), "D4163-2, décret 2023-760"),
            new Dated<>(START, REFORM_2023.minusDays(1), new Threshold(Factor.ALTERNATING_SHIFTS, Unit.NIGHTS, 50), "D4163-2"),
            new Dated<>(REFORM_2023, null, new Threshold(Factor.ALTERNATING_SHIFTS, Unit.NIGHTS, 30), "D4163-2, décret 2023-760"),
            new Dated<>(START, null, new Threshold(Factor.REPETITIVE_WORK, Unit.HOURS, 900), "D4163-2"),
            new Dated<>(START, null, new Threshold(Factor.HYPERBARIC, Unit.INTERVENTIONS, 60), "D4163-2"),
            new Dated<>(JULY_2016, null, new Threshold(Factor.EXTREME_TEMPERATURES, Unit.HOURS, 900), "D4163-2"),
            new Dated<>(JULY_2016, null, new Threshold(Factor.NOISE, Unit.HOURS, 600), "D4163-2"),
            new Dated<>(JULY_2016, null, new Threshold(Factor.NOISE, Unit.PEAKS, 120), "D4163-2"),
            new Dated<>(JULY_2016, REFORM_2017.minusDays(1), new Threshold(Factor.MANUAL_HANDLING, Unit.HOURS, 600), "D4163-2 (2015), unverified"),
            new Dated<>(JULY_2016, REFORM_2017.minusDays(1), new Threshold(Factor.AWKWARD_POSTURES, Unit.HOURS, 900), "D4163-2 (2015), unverified"),
            new Dated<>(JULY_2016, REFORM_2017.minusDays(1), new Threshold(Factor.VIBRATION, Unit.HOURS, 450), "D4163-2 (2015), unverified"),
            new Dated<>(JULY_2016, REFORM_2017.minusDays(1), new Threshold(Factor.CHEMICAL_AGENTS, Unit.HOURS, 150), "D4163-2 (2015), unverified"));

    /**
     * A year that contains a change of minimum is assessed on one value fixed for that year
     * (décret 2023-760: 113 nights for night work, 43 for alternating shifts in 2023).
     */
    public static final List<Dated<Threshold>> STRADDLING_THRESHOLDS = List.of(
            new Dated<>(LocalDate.of(2023, 1, 1), LocalDate.of(2023, 12, 31), new Threshold(Factor.NIGHT_WORK, Unit.NIGHTS, 113), "décret 2023-760 (2023)"),
            new Dated<>(LocalDate.of(2023, 1, 1), LocalDate.of(2023, 12, 31), new Threshold(Factor.ALTERNATING_SHIFTS, Unit.NIGHTS, 43), "décret 2023-760 (2023)"));

    /**
     * How a year's exposure becomes points (R4163-9). Whole year: {@code wholeYearOne} for one factor;
     * {@code wholeYearSeveral} for several (old scale) or {@code wholeYearOne} per factor (new scale).
     * A contract starting or ending in the year: per full {@code periodMonths} period,
     * {@code perPeriodOne}/{@code perPeriodSeveral} (old scale) or {@code perPeriodOne} per factor.
     * {@code careerCap}: points acquired over a career, null = no cap.
     */
    public record PointsScale(boolean perFactor, int wholeYearOne, int wholeYearSeveral, int periodMonths,
                              int perPeriodOne, int perPeriodSeveral, Integer careerCap) {
    }

    public static final List<Dated<PointsScale>> POINTS_SCALES = List.of(
            new Dated<>(START, REFORM_2023.minusDays(1), new PointsScale(false, 4, 8, 3, 1, 2, 100), "R4163-9, R4163-11"),
            new Dated<>(REFORM_2023, null, new PointsScale(true, 4, 4, 3, 1, 1, null), "R4163-9, décret 2023-760"));

    /** Points are doubled for people born before this day (R4163-9). */
    public static final LocalDate DOUBLED_IF_BORN_BEFORE = LocalDate.of(1956, 7, 1);
    public static final int DOUBLING_FACTOR = 2;
    /** The C2P covers contracts of at least one month (L4163-1). */
    public static final int MINIMUM_CONTRACT_MONTHS = 1;
    public static final int MONTHS_IN_YEAR = 12;

    /** Points reserved for training or reconversion, by birth date (R4163-12). */
    public static final List<Dated<Integer>> RESERVED_BY_BIRTH = List.of(
            new Dated<>(LocalDate.MIN, LocalDate.of(1959, 12, 31), 0, "R4163-12: born before 1960"),
            new Dated<>(LocalDate.of(1960, 1, 1), LocalDate.of(1962, 12, 31), 10, "R4163-12: born 1960–1962"),
            new Dated<>(LocalDate.of(1963, 1, 1), null, 20, "R4163-12: the first 20 points"));

    /** What one point is worth for training: minutes of CPF until 2018, then cents. */
    public record Rate(long minutes, long cents) {
    }

    public static final List<Dated<Rate>> TRAINING_RATES = List.of(
            new Dated<>(START, LocalDate.of(2018, 12, 31), new Rate(25 * 60, 0), "R4163-12 (25 h per point)"),
            new Dated<>(LocalDate.of(2019, 1, 1), REFORM_2023.minusDays(1), new Rate(0, 375_00), "R4163-12 (375 € per point)"),
            new Dated<>(REFORM_2023, null, new Rate(0, 500_00), "R4163-12, décret 2023-760 (500 € per point)"));

    public static final List<Dated<Rate>> RECONVERSION_RATES = List.of(
            new Dated<>(REFORM_2023, null, new Rate(0, 500_00), "L4163-7, décret 2023-760 (500 € per point)"));

    /** Part-time with pay kept: blocks of 10 points, 10 points = one quarter at half time (R4163-13). */
    public static final int PART_TIME_BLOCK = 10;
    public static final int PART_TIME_POINTS_PER_QUARTER = 10;
    public static final int PART_TIME_MAX_POINTS_BEFORE_AGE = 80;
    public static final int PART_TIME_LIMIT_UNTIL_AGE = 60;

    /** Retirement: 10 points = one quarter of pension insurance, at most 8 quarters, from 55 (R4163-13). */
    public static final int RETIREMENT_POINTS_PER_QUARTER = 10;
    public static final int RETIREMENT_MAX_QUARTERS = 8;
    public static final int RETIREMENT_FROM_AGE = 55;

    /**
     * The employer may correct a year's declaration against the employee until 30 April of the next
     * year, in their favour for three years after the year (L4163-16; the favourable end is
     * unverified: counted to 31 December of N+3).
     */
    public static LocalDate correctionAgainstEmployeeDeadline(int year) {
        return LocalDate.of(year + 1, 4, 30);
    }

    public static LocalDate correctionInFavourDeadline(int year) {
        return LocalDate.of(year + 3, 12, 31);
    }

    // ---- look-ups

    public static Optional<Dated<Factor>> factorPeriod(Factor factor) {
        return FACTORS.stream().filter(d -> d.value() == factor).findFirst();
    }

    public static boolean factorInForce(Factor factor, int year) {
        return factorPeriod(factor).map(d -> d.overlaps(year)).orElse(false);
    }

    public static Optional<Dated<Threshold>> threshold(Factor factor, Unit unit, LocalDate day) {
        return THRESHOLDS.stream()
                .filter(d -> d.value().factor() == factor && d.value().unit() == unit && d.covers(day))
                .findFirst();
    }

    /** The minimum applied to a whole year: the one value in force, else the year's straddling value. */
    public static Optional<Dated<Threshold>> thresholdForYear(Factor factor, Unit unit, int year) {
        List<Dated<Threshold>> inForce = THRESHOLDS.stream()
                .filter(d -> d.value().factor() == factor && d.value().unit() == unit && d.overlaps(year))
                .toList();
        if (inForce.size() <= 1) {
            return inForce.stream().findFirst();
        }
        return Optional.of(STRADDLING_THRESHOLDS.stream()
                .filter(d -> d.value().factor() == factor && d.value().unit() == unit && d.overlaps(year))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no straddling " + factor + " threshold for " + year)));
    }

    /**
     * The scale of a year is the one in force on its last day, when the year's exposure is assessed
     * (December declaration): 2023 is thus assessed on the new scale, as DOMAIN.md's example does.
     */
    public static Dated<PointsScale> scaleForYear(int year) {
        return inForce(POINTS_SCALES, LocalDate.of(year, 12, 31)).orElseThrow(
                () -> new IllegalArgumentException("no C2P before 2015: " + year));
    }

    public static int reservedPoints(LocalDate birthDate) {
        return inForce(RESERVED_BY_BIRTH, birthDate).map(Dated::value).orElse(0);
    }

    public static <T> Optional<Dated<T>> inForce(List<Dated<T>> table, LocalDate day) {
        return table.stream().filter(d -> d.covers(day)).findFirst();
    }
}
