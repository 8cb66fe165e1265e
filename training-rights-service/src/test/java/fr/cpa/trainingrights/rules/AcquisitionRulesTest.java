package fr.cpa.trainingrights.rules;

import fr.cpa.trainingrights.rules.Activity.Basis;
import fr.cpa.trainingrights.rules.Activity.CivilServant;
import fr.cpa.trainingrights.rules.Activity.Employee;
import fr.cpa.trainingrights.rules.Activity.Esat;
import fr.cpa.trainingrights.rules.Activity.JobSeeker;
import fr.cpa.trainingrights.rules.Activity.SelfEmployed;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** DOMAIN.md §1, rule by rule, each boundary on both sides. Money in cents, hours in minutes. */
class AcquisitionRulesTest {

    static final AcquisitionRules RULES = new AcquisitionRules(ParameterTable.LAW);
    static final long LEGAL_REFERENCE = h(1607);

    static long h(long hours) {
        return hours * 60;
    }

    static long eur(long euros) {
        return euros * 100;
    }

    static Employee worked(long minutes) {
        return Employee.hours(minutes, null);
    }

    static YearlyCredit credit(int year, AccountState before, Activity... activities) {
        return RULES.credit(new YearFacts(year, false, false, List.of(activities)), before);
    }

    static YearlyCredit credit(int year, Activity... activities) {
        return credit(year, AccountState.EMPTY, activities);
    }

    static AccountState euros(long euros) {
        return new AccountState(eur(euros), 0, 0);
    }

    static AccountState hoursEra(long hours) {
        return new AccountState(0, h(hours), 0);
    }

    static AccountState civilServantHours(long hours) {
        return new AccountState(0, 0, h(hours));
    }

    static String explained(YearlyCredit credit) {
        return credit.explanation().toString();
    }

    @Nested
    class EurosEraEmployees {

        @Test
        void aFullTimeYearEarns500Euros() {
            YearlyCredit c = credit(2022, worked(LEGAL_REFERENCE));
            assertEquals(eur(500), c.cents());
            assertEquals(YearlyCredit.Pot.ORDINARY, c.pot());
            assertEquals("EMPLOYEE", c.category());
        }

        @Test
        void exactlyHalfTheReferenceEarnsTheFullCredit() {
            // half of 1 607 h is 803 h 30 min
            assertEquals(eur(500), credit(2022, worked(h(803) + 30)).cents());
        }

        @Test
        void oneMinuteBelowHalfIsProRataRoundedUpToTheCent() {
            // 500 € × 48 209 / 96 420 = 249.9948… € → 250.00 €
            assertEquals(25_000, credit(2022, worked(h(803) + 29)).cents());
        }

        @Test
        void theIssuesExample700HoursOf1607IsRoundedUp() {
            // 500 € × 700 / 1 607 = 217.797… € → 217.80 €
            YearlyCredit c = credit(2022, worked(h(700)));
            assertEquals(21_780, c.cents());
            assertTrue(explained(c).contains("rounded up to the cent"), explained(c));
        }

        @Test
        void anExactQuarterNeedsNoRounding() {
            // 401 h 45 min / 1 607 h = 1/4 → 125.00 €
            assertEquals(12_500, credit(2022, worked(h(401) + 45)).cents());
        }

        @Test
        void theAgreedReferenceReplacesTheLegalOne() {
            assertEquals(eur(500), credit(2022, Employee.hours(h(800), h(1600))).cents());
            assertEquals(24_969, credit(2022, Employee.hours(h(799), h(1600))).cents()); // 500 × 799/1600 = 249.6875 → 249.69
        }

        @Test
        void overtimeIsIgnored() {
            assertEquals(eur(500), credit(2022, worked(h(2200))).cents());
        }

        @Test
        void twoEmployersInAYearAddUp() {
            assertEquals(eur(500), credit(2022, worked(h(400)), worked(h(404))).cents());
            assertEquals(eur(500), credit(2022, worked(h(1607)), worked(h(1607))).cents());
        }

        @Test
        void countedAbsencesCountAsWorked() {
            Employee withMaternity = new Employee(Basis.HOURS, h(600), null, h(300));
            assertEquals(eur(500), credit(2022, withMaternity).cents());
            assertTrue(credit(2022, worked(h(600))).cents() < eur(500));
        }

        @Test
        void nothingWorkedEarnsNothing() {
            assertEquals(0, credit(2022, worked(0)).cents());
        }

        @Test
        void theCapCutsACreditToReachItExactly() {
            YearlyCredit c = credit(2022, euros(4_800), worked(LEGAL_REFERENCE));
            assertEquals(eur(200), c.cents());
            assertTrue(c.capReached());
            assertTrue(explained(c).contains("cut from 500.00 € to 200.00 €"), explained(c));
        }

        @Test
        void aCreditThatJustReachesTheCapIsNotCut() {
            YearlyCredit c = credit(2022, euros(4_500), worked(LEGAL_REFERENCE));
            assertEquals(eur(500), c.cents());
            assertTrue(c.capReached());
        }

        @Test
        void belowTheCapByMoreThanACreditTheCapIsNotReached() {
            YearlyCredit c = credit(2022, new AccountState(eur(4_500) - 1, 0, 0), worked(LEGAL_REFERENCE));
            assertEquals(eur(500), c.cents());
            assertFalse(c.capReached());
        }

        @Test
        void atTheCapNothingMoreIsCredited() {
            YearlyCredit c = credit(2022, euros(5_000), worked(LEGAL_REFERENCE));
            assertEquals(0, c.cents());
            assertTrue(c.capReached());
        }

        @Test
        void aConvertedBalanceAboveTheCapEarnsNothing() {
            assertEquals(0, credit(2022, euros(6_000), worked(LEGAL_REFERENCE)).cents());
        }
    }

    @Nested
    class ReferenceTimes {

        @Test
        void forfaitJoursOf218DaysWorkedInFullEarnTheFullCredit() {
            assertEquals(eur(500), credit(2022, new Employee(Basis.DAYS, 218, 218L, 0)).cents());
        }

        @Test
        void aForfaitAbove218DaysIsReadAs218() {
            // 109 days of a 230-day forfait: 109 / 218 = exactly half → full
            assertEquals(eur(500), credit(2022, new Employee(Basis.DAYS, 109, 230L, 0)).cents());
            // 108 / 218 → 500 × 108/218 = 247.706… → 247.71 €
            assertEquals(24_771, credit(2022, new Employee(Basis.DAYS, 108, 230L, 0)).cents());
        }

        @Test
        void aSmallerForfaitIsItsOwnReference() {
            assertEquals(eur(500), credit(2022, new Employee(Basis.DAYS, 100, 200L, 0)).cents());
            assertEquals(24_750, credit(2022, new Employee(Basis.DAYS, 99, 200L, 0)).cents()); // 500 × 99/200 = 247.50 € exactly
        }

        @Test
        void payBasedStaffAreMeasuredAgainst2080TimesTheHourlySmic() {
            // SMIC on 31 Dec 2022: 11.07 €; reference pay 2 080 × 11.07 = 23 025.60 €; half = 11 512.80 €
            YearlyCredit half = credit(2022, new Employee(Basis.PAY, 1_151_280, null, 0));
            assertEquals(eur(500), half.cents());
            assertTrue(explained(half).contains("SMIC_HOURLY = 11.07 €"), explained(half));
            // 10 000 € / 23 025.60 € × 500 € = 217.149… → 217.15 €
            assertEquals(21_715, credit(2022, new Employee(Basis.PAY, 1_000_000, null, 0)).cents());
        }

        @Test
        void theSmicIsDatedSoTheSamePayWeighsDifferentlyEachYear() {
            // 2019: 10.03 € → reference 20 862.40 €; 10 000 € → 500 × 10 000 / 20 862.40 = 239.665… → 239.67 €
            assertEquals(23_967, credit(2019, new Employee(Basis.PAY, 1_000_000, null, 0)).cents());
        }
    }

    @Nested
    class OtherPopulations {

        YearlyCredit with(int year, boolean lowQualified, boolean disabled, AccountState before, Activity... a) {
            return RULES.credit(new YearFacts(year, lowQualified, disabled, List.of(a)), before);
        }

        @Test
        void aLowQualifiedEmployeeAtHalfTimeEarns800WithACapOf8000() {
            assertEquals(eur(800), with(2022, true, false, AccountState.EMPTY, worked(h(803) + 30)).cents());
            YearlyCredit nearCap = with(2022, true, false, euros(7_500), worked(LEGAL_REFERENCE));
            assertEquals(eur(500), nearCap.cents());
            assertTrue(nearCap.capReached());
        }

        @Test
        void aLowQualifiedEmployeeBelowHalfGetsProRataOf800() {
            // 800 × 700 / 1607 = 348.475… → 348.48 €
            assertEquals(34_848, with(2022, true, false, AccountState.EMPTY, worked(h(700))).cents());
        }

        @Test
        void aDisabledWorkerGets300MoreAndACapOf8000() {
            assertEquals(eur(800), with(2022, false, true, AccountState.EMPTY, worked(LEGAL_REFERENCE)).cents());
            // above the ordinary 5 000 € cap still credited
            assertEquals(eur(800), with(2022, false, true, euros(5_000), worked(LEGAL_REFERENCE)).cents());
            YearlyCredit cut = with(2022, false, true, euros(7_900), worked(LEGAL_REFERENCE));
            assertEquals(eur(100), cut.cents());
            assertTrue(cut.capReached());
            assertEquals(0, with(2022, false, true, euros(8_000), worked(LEGAL_REFERENCE)).cents());
        }

        @Test
        void aLowQualifiedDisabledWorkerGetsTheMoreFavourableOfTheTwoNotBoth() {
            // R6323-27: low-qualified 800 € or OETH 500 + 300 = 800 €, not 800 + 300
            assertEquals(eur(800), with(2022, true, true, AccountState.EMPTY, worked(LEGAL_REFERENCE)).cents());
            // 700 h of 1 607: low-qualified 800 × 700/1607 = 348.48 €; OETH 500 × 700/1607 = 217.80 € + 300 = 517.80 €
            YearlyCredit partTime = with(2022, true, true, AccountState.EMPTY, worked(h(700)));
            assertEquals(51_780, partTime.cents());
            assertTrue(explained(partTime).contains("the most favourable"));
            // both caps are 8 000 €
            assertEquals(eur(100), with(2022, true, true, euros(7_900), worked(LEGAL_REFERENCE)).cents());
        }

        @Test
        void anEsatWorkerGets800WithoutProRata() {
            assertEquals(eur(800), credit(2022, new Esat()).cents());
            assertEquals(eur(300), credit(2022, euros(7_700), new Esat()).cents());
            assertEquals("ESAT", credit(2022, new Esat()).category());
        }

        @Test
        void aSelfEmployedWorkerIsProRataOfTheActivityPeriodRoundedUp() {
            assertEquals(eur(500), credit(2022, new SelfEmployed(365, true)).cents());
            // 500 × 100 / 365 = 136.986… → 136.99 €
            assertEquals(13_699, credit(2022, new SelfEmployed(100, true)).cents());
            // leap year: 500 × 183 / 366 = 250.00 € exactly
            assertEquals(25_000, credit(2024, new SelfEmployed(183, true)).cents());
        }

        @Test
        void aSelfEmployedWorkerWhoDidNotPayTheContributionEarnsNothing() {
            YearlyCredit c = credit(2022, new SelfEmployed(365, false));
            assertEquals(0, c.cents());
            assertTrue(explained(c).contains("contribution was not paid"));
        }

        @Test
        void aJobSeekerIsNotCredited() {
            assertEquals(0, credit(2022, new JobSeeker()).cents());
        }

        @Test
        void noActivityEarnsNothing() {
            YearlyCredit c = credit(2022);
            assertEquals(0, c.cents());
            assertEquals(YearlyCredit.Pot.NONE, c.pot());
        }
    }

    @Nested
    class SeveralCategoriesInAYear {

        @Test
        void salariedPlusSelfEmployedGetsOneCreditTheMostFavourable() {
            YearlyCredit c = credit(2022, worked(h(100)), new SelfEmployed(365, true));
            assertEquals(eur(500), c.cents());
            assertEquals("SELF_EMPLOYED", c.category());
            assertTrue(explained(c).contains("MOST_FAVOURABLE"));
        }

        @Test
        void anEmployeeAtTheOrdinaryCapWhoIsAlsoInAnEsatGetsTheEsatCap() {
            YearlyCredit c = credit(2022, euros(5_000), worked(LEGAL_REFERENCE), new Esat());
            assertEquals(eur(800), c.cents());
            assertEquals("ESAT", c.category());
        }

        @Test
        void aFullTimeEmployeeBeatsACivilServantsHoursWorth375Euros() {
            YearlyCredit c = credit(2022, worked(LEGAL_REFERENCE), new CivilServant("A"));
            assertEquals("EMPLOYEE", c.category());
            assertEquals(eur(500), c.cents());
            assertEquals(0, c.minutes());
        }

        @Test
        void aCivilServantsHoursBeatAPartTimeEmployee() {
            // 25 h are worth 375 € against 500 × 400/1607 = 124.46 €
            YearlyCredit c = credit(2022, worked(h(400)), new CivilServant("B"));
            assertEquals("CIVIL_SERVANT", c.category());
            assertEquals(h(25), c.minutes());
            assertEquals(0, c.cents());
        }

        @Test
        void aJobSeekerWhoWorkedPartOfTheYearGetsTheEmployeeCredit() {
            assertEquals(eur(500), credit(2022, new JobSeeker(), worked(h(900))).cents());
        }
    }

    @Nested
    class HoursEra {

        @Test
        void aFullTimeYearEarns24Hours() {
            YearlyCredit c = credit(2016, worked(LEGAL_REFERENCE));
            assertEquals(h(24), c.minutes());
            assertEquals(0, c.cents());
            assertEquals(YearlyCredit.Pot.HOURS_ERA, c.pot());
        }

        @Test
        void partTimeIsStrictlyProRataWithoutTheHalfTimeRule() {
            assertEquals(h(12), credit(2016, worked(h(803) + 30)).minutes());
            // 24 h × 400/1607 = 5 h 58.4 min → 5 h 59 min (rounded up to the minute)
            assertEquals(h(5) + 59, credit(2016, worked(h(400))).minutes());
        }

        @Test
        void reachingExactly120HoursStaysAtTheFullRate() {
            assertEquals(h(24), credit(2016, hoursEra(96), worked(LEGAL_REFERENCE)).minutes());
        }

        @Test
        void from120HoursTheYearEarns12Hours() {
            assertEquals(h(12), credit(2016, hoursEra(120), worked(LEGAL_REFERENCE)).minutes());
            assertEquals(h(6), credit(2016, hoursEra(120), worked(h(803) + 30)).minutes());
        }

        @Test
        void crossing120HoursMidYearSplitsTheYearAtTheStep() {
            // 110 h: 10 h at 24 h/year use 10/24 of the year; the remaining 14/24 earn 12 × 14/24 = 7 h → 17 h
            YearlyCredit c = credit(2016, hoursEra(110), worked(LEGAL_REFERENCE));
            assertEquals(h(17), c.minutes());
            assertTrue(explained(c).contains("crossing 120 h"), explained(c));
        }

        @Test
        void theCapIsCrossedMidYearAndCutAt150Hours() {
            YearlyCredit c = credit(2016, hoursEra(144), worked(LEGAL_REFERENCE));
            assertEquals(h(6), c.minutes());
            assertTrue(c.capReached());
            assertEquals(0, credit(2016, hoursEra(150), worked(LEGAL_REFERENCE)).minutes());
        }

        @Test
        void lowQualifiedRatesStartIn2017() {
            YearFacts in2016 = new YearFacts(2016, true, false, List.of(worked(LEGAL_REFERENCE)));
            YearFacts in2017 = new YearFacts(2017, true, false, List.of(worked(LEGAL_REFERENCE)));
            assertEquals(h(24), RULES.credit(in2016, AccountState.EMPTY).minutes());
            assertEquals(h(48), RULES.credit(in2017, AccountState.EMPTY).minutes());
            // no step at 120 h for them; cap 400 h
            assertEquals(h(48), RULES.credit(in2017, hoursEra(200)).minutes());
            YearlyCredit cut = RULES.credit(in2017, hoursEra(380));
            assertEquals(h(20), cut.minutes());
            assertTrue(cut.capReached());
        }

        @Test
        void noCpfRuleBefore2015() {
            assertEquals(0, credit(2014, worked(LEGAL_REFERENCE)).minutes());
        }

        @Test
        void selfEmployedAndEsatEuroCreditsStartWith2019() {
            assertEquals(0, credit(2018, new SelfEmployed(365, true)).cents());
            assertEquals(0, credit(2018, new Esat()).cents());
        }
    }

    @Nested
    class CivilServants {

        YearlyCredit cs(int year, String category, boolean lowQualified, AccountState before) {
            return RULES.credit(new YearFacts(year, lowQualified, false, List.of(new CivilServant(category))), before);
        }

        @Test
        void thePublicServiceCpfStartsIn2017() {
            assertEquals(0, cs(2016, "A", false, AccountState.EMPTY).minutes());
            assertEquals(h(24), cs(2017, "A", false, AccountState.EMPTY).minutes());
            assertEquals(YearlyCredit.Pot.CIVIL_SERVANT_HOURS, cs(2017, "A", false, AccountState.EMPTY).pot());
        }

        @Test
        void in2019TheStepAt120HoursStillApplies() {
            // 100 h: 20 h at the full rate use 20/24 of the year, 4/24 × 12 h = 2 h → 22 h
            assertEquals(h(22), cs(2019, "A", false, civilServantHours(100)).minutes());
            assertEquals(h(12), cs(2019, "A", false, civilServantHours(130)).minutes());
        }

        @Test
        void from2020TheyEarn25HoursFlatWithACapOf150() {
            assertEquals(h(25), cs(2020, "A", false, civilServantHours(100)).minutes());
            YearlyCredit cut = cs(2020, "A", false, civilServantHours(130));
            assertEquals(h(20), cut.minutes());
            assertTrue(cut.capReached());
        }

        @Test
        void categoryCWithoutLevel3Earns48Then50HoursWithACapOf400() {
            assertEquals(h(48), cs(2019, "C", true, AccountState.EMPTY).minutes());
            assertEquals(h(50), cs(2020, "C", true, civilServantHours(200)).minutes());
            assertEquals(h(10), cs(2020, "C", true, civilServantHours(390)).minutes());
        }

        @Test
        void categoryCWithALevel3DiplomaOrAnotherCategoryGetsTheOrdinaryRate() {
            assertEquals(h(25), cs(2020, "C", false, AccountState.EMPTY).minutes());
            assertEquals(h(25), cs(2020, "B", true, AccountState.EMPTY).minutes());
        }

        @Test
        void partTimeCountsAsFullTime() {
            YearlyCredit c = cs(2022, "B", false, AccountState.EMPTY);
            assertEquals(h(25), c.minutes());
            assertTrue(explained(c).contains("part-time counts as full time"));
        }
    }

    @Nested
    class Explanations {

        @Test
        void aCreditNamesItsRuleParametersInputsAndArithmetic() {
            YearlyCredit c = credit(2022, euros(4_800), worked(h(100)));
            Explanation e = c.explanation().get(0);
            assertEquals("EUROS_ERA_EMPLOYEE", e.rule());
            assertTrue(e.legalReference().contains("L6323-11"));
            assertTrue(e.parameters().contains("YEARLY_CREDIT = 500.00 € (2019-01-01 onwards)"), e.parameters().toString());
            assertTrue(e.parameters().stream().anyMatch(p -> p.startsWith("CAP = 5000.00 €")));
            assertTrue(e.parameters().stream().anyMatch(p -> p.startsWith("REFERENCE_HOURS = 1607 h")));
            assertEquals("4800.00 €", e.inputs().get("ordinaryBalanceBefore"));
            assertTrue(e.arithmetic().stream().anyMatch(s -> s.contains("500.00 € × 100/1607 = 31.12 €")), e.arithmetic().toString());
            assertEquals("credit 31.12 €, balance after 4831.12 €", e.result());
        }
    }
}
