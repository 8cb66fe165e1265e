package fr.cpa.civic.rules;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** DOMAIN.md §3: 2017–2018, 20 h per activity per year, cap 60 h; from 2019, 240 € per category, cap 720 €. */
class CreditRuleTest {

    private static final CecParameters LAW = CecParameters.LAW;

    @Test
    void in2017ACategoryEarnsTwentyHours() {
        Credit credit = credit(2017, CecTotals.ZERO);
        assertEquals(YearlyCredit.Unit.MINUTES, credit.unit());
        assertEquals(20 * 60, credit.value());
        assertEquals(new CecTotals(0, 20 * 60), credit.after());
        assertTrue(credit.explanation().contains("2017: operational military reserve earns 20 h for the year (cap 60 h)"), credit.explanation().toString());
    }

    @Test
    void in2018TheHoursCapOfSixtyIsReachedExactly() {
        assertEquals(20 * 60, credit(2018, new CecTotals(0, 40 * 60)).value());
    }

    @Test
    void in2018ACreditCrossingSixtyHoursIsCutToReachIt() {
        Credit credit = credit(2018, new CecTotals(0, 50 * 60));
        assertEquals(10 * 60, credit.value());
        assertEquals(new CecTotals(0, 60 * 60), credit.after());
        assertTrue(credit.explanation().contains("2018: cut to 10 h to reach the cap of 60 h"));
    }

    @Test
    void in2018AFullHoursAccountEarnsNothing() {
        Credit credit = credit(2018, new CecTotals(0, 60 * 60));
        assertEquals(0, credit.value());
        assertTrue(credit.explanation().contains("2018: nothing credited, the cap of 60 h is reached"));
    }

    @Test
    void from2019ACategoryEarns240Euros() {
        Credit credit = credit(2019, CecTotals.ZERO);
        assertEquals(YearlyCredit.Unit.CENTS, credit.unit());
        assertEquals(240_00, credit.value());
        assertTrue(credit.explanation().contains("2019: operational military reserve earns 240.00 € for the year (cap 720.00 €)"));
    }

    @Test
    void theEuroCapOf720IsReachedExactly() {
        assertEquals(240_00, credit(2024, new CecTotals(480_00, 0)).value());
    }

    @Test
    void aCreditCrossing720EurosIsCutToReachIt() {
        Credit credit = credit(2024, new CecTotals(600_00, 0));
        assertEquals(120_00, credit.value());
        assertEquals(new CecTotals(720_00, 0), credit.after());
        assertTrue(credit.explanation().contains("2024: cut to 120.00 € to reach the cap of 720.00 €"));
    }

    @Test
    void aFullEuroAccountEarnsNothing() {
        assertEquals(0, credit(2024, new CecTotals(720_00, 0)).value());
    }

    @Test
    void hoursOf2017And2018CountTowardTheEuroCapAtTwelveEurosAnHour() {
        // 40 h = 480 € (décret 2018-1338): 240 € still fit; 60 h = 720 € leave no room.
        Credit credit = credit(2019, new CecTotals(0, 40 * 60));
        assertEquals(240_00, credit.value());
        assertTrue(credit.explanation().contains("2019: the 40 h earned in 2017–2018 count as 480.00 € toward the cap"));
        assertEquals(0, credit(2019, new CecTotals(0, 60 * 60)).value());
        assertEquals(120_00, credit(2020, new CecTotals(120_00, 40 * 60)).value());
    }

    @Test
    void nothingIsCreditedBefore2017() {
        assertTrue(CreditRule.credit(2016, ActivityKind.MILITARY_RESERVE, CecTotals.ZERO, LAW).isEmpty());
    }

    @Test
    void declarationsForAYearOpenOnFirstJanuaryAndCloseOn30JuneOfTheNextYear() {
        assertEquals(LocalDate.of(2024, 1, 1), LAW.declarationOpens(2023));
        assertEquals(LocalDate.of(2024, 6, 30), LAW.declarationCloses(2023));
        assertEquals(LocalDate.of(2024, 12, 31), LAW.validationCloses(2023));
    }

    @Test
    void theIssueExampleEarns240EurosIn2023() {
        Simulation.Outcome outcome = Simulation.run(Map.of(2023, List.of(Activity.of(ActivityKind.ASSOCIATION_VOLUNTEERING,
                Quantity.HOURS, 210, Quantity.MAX_HOURS_IN_ONE_ASSOCIATION, 120))), LAW);
        assertEquals(240_00, outcome.years().get(0).value());
        assertEquals(new CecTotals(240_00, 0), outcome.total());
    }

    @Test
    void aCategoryDeclaredTwiceInAYearIsCreditedOnce() {
        Activity reserve = Activity.of(ActivityKind.MILITARY_RESERVE, Quantity.DAYS, 95);
        Simulation.Outcome outcome = Simulation.run(Map.of(2023, List.of(reserve, reserve)), LAW);
        assertEquals(1, outcome.years().get(0).credits().size());
        assertEquals(240_00, outcome.total().cents());
        assertTrue(outcome.years().get(0).explanation().contains(
                "2023: operational military reserve is already credited for this year: one credit per category per year"));
    }

    @Test
    void fourCategoriesInOneYearStopAtTheCap() {
        Simulation.Outcome outcome = Simulation.run(Map.of(2021, List.of(
                Activity.of(ActivityKind.MILITARY_RESERVE, Quantity.DAYS, 95),
                Activity.of(ActivityKind.HEALTH_RESERVE, Quantity.DAYS, 30),
                Activity.of(ActivityKind.EDUCATION_RESERVE, Quantity.INTERVENTIONS, 25),
                Activity.of(ActivityKind.CIVIC_SERVICE, Quantity.MONTHS, 6))), LAW);
        assertEquals(List.of(240_00L, 240_00L, 240_00L, 0L),
                outcome.years().get(0).credits().stream().map(Credit::value).toList());
        assertEquals(720_00, outcome.total().cents());
    }

    @Test
    void yearsAreCreditedInOrderAcrossTheHoursAndEuroEras() {
        Simulation.Outcome outcome = Simulation.run(Map.of(
                2019, List.of(Activity.of(ActivityKind.CIVIC_SERVICE, Quantity.MONTHS, 8),
                        Activity.of(ActivityKind.HEALTH_RESERVE, Quantity.DAYS, 40)),
                2017, List.of(Activity.of(ActivityKind.MILITARY_RESERVE, Quantity.DAYS, 90)),
                2018, List.of(Activity.of(ActivityKind.MILITARY_RESERVE, Quantity.DAYS, 90))), LAW);
        assertEquals(List.of(2017, 2018, 2019), outcome.years().stream().map(Simulation.YearOutcome::year).toList());
        assertEquals(20 * 60, outcome.years().get(0).value());
        assertEquals(20 * 60, outcome.years().get(1).value());
        // 40 h already count as 480 €: one category of 2019 fits, the other finds the cap reached.
        assertEquals(240_00, outcome.years().get(2).value());
        assertEquals(new CecTotals(240_00, 40 * 60), outcome.total());
    }

    @Test
    void anHoursYearDeclaredAfterEuroYearsCountsThemTowardTheCap() {
        // 720 € (60 h at 12 €, décret 2018-1338) already: a 2018 activity declared late earns nothing
        assertEquals(0, credit(2018, new CecTotals(720_00, 0)).value());
        // 600 € stand for 50 h: 10 h left under the 60 h cap
        assertEquals(10 * 60, credit(2018, new CecTotals(600_00, 0)).value());
        // 480 € stand for 40 h: the whole 20 h fit, the edge
        assertEquals(20 * 60, credit(2018, new CecTotals(480_00, 0)).value());
        // 1 € over 480 € is 5 min: rounded up, so the cap is never passed
        assertEquals(20 * 60 - 5, credit(2018, new CecTotals(481_00, 0)).value());
        assertEquals(10 * 60, CreditRule.roomLeft(2018, new CecTotals(360_00, 20 * 60), LAW), "both eras at once: 30 h + 20 h");
    }

    private static Credit credit(int year, CecTotals before) {
        return CreditRule.credit(year, ActivityKind.MILITARY_RESERVE, before, LAW).orElseThrow();
    }
}
