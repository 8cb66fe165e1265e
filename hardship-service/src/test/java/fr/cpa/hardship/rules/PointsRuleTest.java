package fr.cpa.hardship.rules;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** DOMAIN.md §2 "Factors and thresholds" and "Points" (D4163-2, R4163-9). */
class PointsRuleTest {

    private static final LocalDate BORN_1975 = LocalDate.of(1975, 6, 1);

    private static Exposure whole(Factor factor, Unit unit, long quantity) {
        return new Exposure("73282932000074", factor, unit, quantity, 12);
    }

    private static Exposure months(Factor factor, Unit unit, long quantity, int months) {
        return new Exposure("73282932000074", factor, unit, quantity, months);
    }

    private static int points(int year, Exposure... exposures) {
        return PointsRule.compute(year, BORN_1975, List.of(exposures), 0).points();
    }

    /** Each yearly minimum of each era: one below earns nothing, the minimum earns a whole year's 4 points. */
    @ParameterizedTest(name = "{0} in {2}: {3} {1} is the minimum")
    @CsvSource({
            "NIGHT_WORK, NIGHTS, 2015, 120",
            "NIGHT_WORK, NIGHTS, 2022, 120",
            "NIGHT_WORK, NIGHTS, 2023, 113",
            "NIGHT_WORK, NIGHTS, 2024, 100",
            "ALTERNATING_SHIFTS, NIGHTS, 2015, 50",
            "ALTERNATING_SHIFTS, NIGHTS, 2022, 50",
            "ALTERNATING_SHIFTS, NIGHTS, 2023, 43",
            "ALTERNATING_SHIFTS, NIGHTS, 2024, 30",
            "REPETITIVE_WORK, HOURS, 2015, 900",
            "REPETITIVE_WORK, HOURS, 2025, 900",
            "HYPERBARIC, INTERVENTIONS, 2015, 60",
            "HYPERBARIC, INTERVENTIONS, 2025, 60",
            "EXTREME_TEMPERATURES, HOURS, 2016, 900",
            "EXTREME_TEMPERATURES, HOURS, 2025, 900",
            "NOISE, HOURS, 2016, 600",
            "NOISE, HOURS, 2025, 600",
            "NOISE, PEAKS, 2016, 120",
            "NOISE, PEAKS, 2025, 120",
            "MANUAL_HANDLING, HOURS, 2016, 600",
            "MANUAL_HANDLING, HOURS, 2017, 600",
            "AWKWARD_POSTURES, HOURS, 2016, 900",
            "AWKWARD_POSTURES, HOURS, 2017, 900",
            "VIBRATION, HOURS, 2016, 450",
            "VIBRATION, HOURS, 2017, 450",
            "CHEMICAL_AGENTS, HOURS, 2016, 150",
            "CHEMICAL_AGENTS, HOURS, 2017, 150"})
    void theMinimumCountsAndOneBelowDoesNot(Factor factor, Unit unit, int year, long minimum) {
        assertEquals(0, points(year, whole(factor, unit, minimum - 1)));
        assertEquals(4, points(year, whole(factor, unit, minimum)));
    }

    @Test
    void nightWorkAndAlternatingShiftMinimumsChangeOnFirstSeptember2023() {
        assertEquals(120, C2pParameters.threshold(Factor.NIGHT_WORK, Unit.NIGHTS, LocalDate.of(2023, 8, 31)).orElseThrow().value().minimum());
        assertEquals(100, C2pParameters.threshold(Factor.NIGHT_WORK, Unit.NIGHTS, LocalDate.of(2023, 9, 1)).orElseThrow().value().minimum());
        assertEquals(50, C2pParameters.threshold(Factor.ALTERNATING_SHIFTS, Unit.NIGHTS, LocalDate.of(2023, 8, 31)).orElseThrow().value().minimum());
        assertEquals(30, C2pParameters.threshold(Factor.ALTERNATING_SHIFTS, Unit.NIGHTS, LocalDate.of(2023, 9, 1)).orElseThrow().value().minimum());
    }

    @Test
    void theStraddlingYear2023IsAssessedOn113And43() {
        assertEquals(113, C2pParameters.thresholdForYear(Factor.NIGHT_WORK, Unit.NIGHTS, 2023).orElseThrow().value().minimum());
        assertEquals(43, C2pParameters.thresholdForYear(Factor.ALTERNATING_SHIFTS, Unit.NIGHTS, 2023).orElseThrow().value().minimum());
        // 110 nights: enough from 2024, not in 2023, nor in 2022
        assertEquals(0, points(2022, whole(Factor.NIGHT_WORK, Unit.NIGHTS, 110)));
        assertEquals(0, points(2023, whole(Factor.NIGHT_WORK, Unit.NIGHTS, 110)));
        assertEquals(4, points(2024, whole(Factor.NIGHT_WORK, Unit.NIGHTS, 110)));
    }

    @Test
    void fourFactorsCountFrom2015AndSixMoreFromFirstJuly2016() {
        for (Factor factor : List.of(Factor.NIGHT_WORK, Factor.ALTERNATING_SHIFTS, Factor.REPETITIVE_WORK, Factor.HYPERBARIC)) {
            assertTrue(C2pParameters.factorInForce(factor, 2015), factor.name());
        }
        for (Factor factor : List.of(Factor.EXTREME_TEMPERATURES, Factor.NOISE, Factor.MANUAL_HANDLING,
                Factor.AWKWARD_POSTURES, Factor.VIBRATION, Factor.CHEMICAL_AGENTS)) {
            var period = C2pParameters.factorPeriod(factor).orElseThrow();
            assertFalse(period.covers(LocalDate.of(2016, 6, 30)), factor.name());
            assertTrue(period.covers(LocalDate.of(2016, 7, 1)), factor.name());
            assertFalse(C2pParameters.factorInForce(factor, 2015), factor.name());
        }
        assertEquals(0, points(2015, whole(Factor.EXTREME_TEMPERATURES, Unit.HOURS, 2000)));
        assertEquals(4, points(2016, whole(Factor.EXTREME_TEMPERATURES, Unit.HOURS, 2000)));
    }

    @Test
    void fourFactorsAreRemovedOnFirstOctober2017() {
        for (Factor factor : List.of(Factor.MANUAL_HANDLING, Factor.AWKWARD_POSTURES, Factor.VIBRATION, Factor.CHEMICAL_AGENTS)) {
            var period = C2pParameters.factorPeriod(factor).orElseThrow();
            assertTrue(period.covers(LocalDate.of(2017, 9, 30)), factor.name());
            assertFalse(period.covers(LocalDate.of(2017, 10, 1)), factor.name());
            assertEquals(0, points(2018, whole(factor, Unit.HOURS, 2000)), factor.name());
            YearPoints result = PointsRule.compute(2018, BORN_1975, List.of(whole(factor, Unit.HOURS, 2000)), 0);
            assertTrue(result.explanation().get(0).contains("is not a hardship factor in 2018"), result.explanation().toString());
        }
        for (Factor factor : List.of(Factor.NIGHT_WORK, Factor.EXTREME_TEMPERATURES, Factor.NOISE)) {
            assertTrue(C2pParameters.factorInForce(factor, 2018), factor.name());
        }
    }

    @Test
    void nightsCountedUnderAlternatingShiftsAreNotCountedAgainAsNightWork() {
        // 2024: 120 nights of which 40 in alternating shifts: 80 < 100 night-work nights, only shifts count
        assertEquals(4, points(2024, whole(Factor.NIGHT_WORK, Unit.NIGHTS, 120), whole(Factor.ALTERNATING_SHIFTS, Unit.NIGHTS, 40)));
        // 140 - 40 = 100: both factors count
        assertEquals(8, points(2024, whole(Factor.NIGHT_WORK, Unit.NIGHTS, 140), whole(Factor.ALTERNATING_SHIFTS, Unit.NIGHTS, 40)));
        assertEquals(4, points(2024, whole(Factor.NIGHT_WORK, Unit.NIGHTS, 139), whole(Factor.ALTERNATING_SHIFTS, Unit.NIGHTS, 40)));
    }

    @Test
    void domainExampleThreeFactorsAllYearEarn12UnderThe2023Rules() {
        Exposure[] three = {whole(Factor.NIGHT_WORK, Unit.NIGHTS, 150), whole(Factor.NOISE, Unit.HOURS, 700),
                whole(Factor.REPETITIVE_WORK, Unit.HOURS, 1000)};
        assertEquals(12, points(2024, three));
        assertEquals(12, points(2023, three));
    }

    @Test
    void domainExampleThreeFactorsJanuaryToJuneEarn6UnderThe2023Rules() {
        assertEquals(6, points(2024, months(Factor.NIGHT_WORK, Unit.NIGHTS, 150, 6),
                months(Factor.NOISE, Unit.HOURS, 700, 6), months(Factor.REPETITIVE_WORK, Unit.HOURS, 1000, 6)));
    }

    @Test
    void beforeSeptember2023AWholeYearEarns4ForOneFactorAnd8ForSeveral() {
        assertEquals(4, points(2022, whole(Factor.NIGHT_WORK, Unit.NIGHTS, 150)));
        assertEquals(8, points(2022, whole(Factor.NIGHT_WORK, Unit.NIGHTS, 150), whole(Factor.NOISE, Unit.HOURS, 700)));
        assertEquals(8, points(2022, whole(Factor.NIGHT_WORK, Unit.NIGHTS, 150), whole(Factor.NOISE, Unit.HOURS, 700),
                whole(Factor.REPETITIVE_WORK, Unit.HOURS, 1000)));
    }

    @Test
    void beforeSeptember2023APartYearEarnsPerFullQuarter1ForOneFactorAnd2ForSeveral() {
        assertEquals(2, points(2022, months(Factor.NIGHT_WORK, Unit.NIGHTS, 150, 6)));
        assertEquals(1, points(2022, months(Factor.NIGHT_WORK, Unit.NIGHTS, 150, 5)));
        assertEquals(1, points(2022, months(Factor.NIGHT_WORK, Unit.NIGHTS, 150, 3)));
        assertEquals(0, points(2022, months(Factor.NIGHT_WORK, Unit.NIGHTS, 150, 2)));
        assertEquals(4, points(2022, months(Factor.NIGHT_WORK, Unit.NIGHTS, 150, 6), months(Factor.NOISE, Unit.HOURS, 700, 6)));
        assertEquals(6, points(2022, months(Factor.NIGHT_WORK, Unit.NIGHTS, 150, 9), months(Factor.NOISE, Unit.HOURS, 700, 9)));
    }

    @Test
    void fromSeptember2023APartYearEarns1PerFactorPerFullQuarter() {
        assertEquals(3 + 4, points(2024, months(Factor.NIGHT_WORK, Unit.NIGHTS, 150, 9), whole(Factor.NOISE, Unit.HOURS, 700)));
        assertEquals(0, points(2024, months(Factor.NIGHT_WORK, Unit.NIGHTS, 150, 2)));
        assertEquals(1, points(2024, months(Factor.NIGHT_WORK, Unit.NIGHTS, 150, 3)));
        assertEquals(3, points(2024, months(Factor.NIGHT_WORK, Unit.NIGHTS, 150, 11)));
    }

    @Test
    void aContractShorterThanOneMonthIsOutsideTheC2p() {
        YearPoints result = PointsRule.compute(2024, BORN_1975, List.of(months(Factor.NIGHT_WORK, Unit.NIGHTS, 150, 0)), 0);
        assertEquals(0, result.points());
        assertTrue(result.explanation().get(0).contains("outside the C2P"));
    }

    @Test
    void noiseCountsOnceWhenBothHoursAndPeaksAreAboveTheirMinimums() {
        assertEquals(4, points(2024, whole(Factor.NOISE, Unit.HOURS, 700), whole(Factor.NOISE, Unit.PEAKS, 200)));
    }

    @Test
    void twoEmployersInAYearAreTwoContractsWhosePointsAdd() {
        Exposure first = new Exposure("73282932000074", Factor.NIGHT_WORK, Unit.NIGHTS, 110, 6);
        Exposure second = new Exposure("35600000000048", Factor.NIGHT_WORK, Unit.NIGHTS, 110, 6);
        assertEquals(4, PointsRule.compute(2024, BORN_1975, List.of(first, second), 0).points());
    }

    @Test
    void pointsAreDoubledForPeopleBornBeforeFirstJuly1956() {
        List<Exposure> one = List.of(whole(Factor.NIGHT_WORK, Unit.NIGHTS, 150));
        assertEquals(8, PointsRule.compute(2015, LocalDate.of(1956, 6, 30), one, 0).points());
        assertEquals(4, PointsRule.compute(2015, LocalDate.of(1956, 7, 1), one, 0).points());
        YearPoints doubled = PointsRule.compute(2024, LocalDate.of(1956, 6, 30), one, 0);
        assertEquals(8, doubled.points());
        assertTrue(doubled.explanation().stream().anyMatch(line -> line.contains("before 1956-07-01")));
    }

    @Test
    void untilAugust2023ACareerIsCappedAt100Points() {
        List<Exposure> one = List.of(whole(Factor.NIGHT_WORK, Unit.NIGHTS, 150));
        assertEquals(4, PointsRule.compute(2022, BORN_1975, one, 96).points());
        assertEquals(2, PointsRule.compute(2022, BORN_1975, one, 98).points());
        assertEquals(0, PointsRule.compute(2022, BORN_1975, one, 100).points());
        // doubled first, then cut to the cap
        assertEquals(4, PointsRule.compute(2022, LocalDate.of(1950, 1, 1), one, 96).points());
    }

    @Test
    void fromSeptember2023ThereIsNoCap() {
        List<Exposure> one = List.of(whole(Factor.NIGHT_WORK, Unit.NIGHTS, 150));
        assertEquals(4, PointsRule.compute(2023, BORN_1975, one, 100).points());
        assertEquals(4, PointsRule.compute(2024, BORN_1975, one, 150).points());
    }

    @Test
    void theScaleAndItsCapChangeOnFirstSeptember2023() {
        var before = C2pParameters.inForce(C2pParameters.POINTS_SCALES, LocalDate.of(2023, 8, 31)).orElseThrow().value();
        var after = C2pParameters.inForce(C2pParameters.POINTS_SCALES, LocalDate.of(2023, 9, 1)).orElseThrow().value();
        assertEquals(100, before.careerCap());
        assertFalse(before.perFactor());
        assertEquals(8, before.wholeYearSeveral());
        assertEquals(null, after.careerCap());
        assertTrue(after.perFactor());
    }

    @Test
    void theYearIsScoredOnTheScaleInForceOnItsLastDay() {
        assertEquals(100, C2pParameters.scaleForYear(2022).value().careerCap());
        assertEquals(null, C2pParameters.scaleForYear(2023).value().careerCap());
    }

    @Test
    void eachAwardExplainsItsRuleParametersAndInputs() {
        YearPoints result = PointsRule.compute(2024, BORN_1975, List.of(whole(Factor.NIGHT_WORK, Unit.NIGHTS, 110)), 0);
        assertEquals(List.of(
                "contract 73282932000074: NIGHT_WORK: 110 nights ≥ 100 (threshold from 2023-09-01, D4163-2, décret 2023-760), 12 months",
                "contract 73282932000074: whole year, 4 per factor, 1 factor: 4 points (R4163-9, décret 2023-760)",
                "2024: 4 points"), result.explanation());
    }
}
