package fr.cpa.trainingrights.rules;

import fr.cpa.trainingrights.rules.Activity.CivilServant;
import fr.cpa.trainingrights.rules.Activity.Employee;
import fr.cpa.trainingrights.rules.CoPayment.Exemptions;
import fr.cpa.trainingrights.rules.Spending.Pot;
import fr.cpa.trainingrights.rules.Spending.PotKind;
import fr.cpa.trainingrights.rules.Spending.Purchase;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Conversion, multi-year simulation, co-payment, per-action caps, order of spending, the table itself. */
class OtherRulesTest {

    static long h(long hours) {
        return hours * 60;
    }

    static long eur(long euros) {
        return euros * 100;
    }

    static final Employee FULL_TIME = Employee.hours(h(1607), null);

    static YearFacts year(int year, Activity... activities) {
        return new YearFacts(year, false, false, List.of(activities));
    }

    @Nested
    class ConversionOf2019 {

        @Test
        void domainExample96CpfHoursAnd120DifHoursBecome3240Euros() {
            Conversion.Result r = new Conversion(ParameterTable.LAW).convert(h(96), h(120), LocalDate.of(2019, 1, 1));
            assertEquals(eur(3_240), r.cents());
            assertEquals(h(216), r.minutes());
            assertTrue(r.explanation().arithmetic().get(0).contains("216 h × 15.00 €/h = 3240.00 €"));
        }

        @Test
        void civicEngagementHoursConvertAt12EurosNot15() {
            // décret 2018-1338: the 60 h CEC cap of 2017–2018 is the 720 € cap from 2019
            Conversion.Result r = new Conversion(ParameterTable.LAW).convertCec(h(60), LocalDate.of(2019, 1, 1));
            assertEquals(eur(720), r.cents());
            assertTrue(r.explanation().arithmetic().get(0).contains("60 h CEC × 12.00 €/h = 720.00 €"));
            assertEquals(20, new Conversion(ParameterTable.LAW).convertCec(1, LocalDate.of(2025, 3, 1)).cents(), "20 cents a minute");
        }

        @Test
        void aMinuteIsWorth25Cents() {
            assertEquals(25, new Conversion(ParameterTable.LAW).convert(1, 0, LocalDate.of(2019, 1, 1)).cents());
        }

        @Test
        void hoursOf2018CreditedIn2019ConvertAtTheSameRate() {
            // 96 h opening + 24 h for 2018 (credited in 2019) = 120 h → 1 800 €; then 2019 adds 500 €
            Simulator.Output out = new Simulator(ParameterTable.LAW).run(new Simulator.Input(0, h(96),
                    List.of(year(2018, FULL_TIME), year(2019, FULL_TIME))));
            Simulator.YearResult y2018 = out.years().get(0);
            assertEquals(h(24), y2018.credit().minutes());
            assertEquals(eur(1_800), y2018.conversion().cents());
            assertEquals(new AccountState(eur(1_800), 0, 0), y2018.after());
            assertEquals(new AccountState(eur(2_300), 0, 0), out.closing());
        }

        @Test
        void aWholeHoursEraCareerThenEuros() {
            // 2015 24 h, 2016 48 h, 2017 72 h, 2018 96 h → 1 440 €; 2019..2025 7 × 500 € → 4 940 € (under the cap)
            List<YearFacts> years = new java.util.ArrayList<>();
            for (int y = 2015; y <= 2025; y++) {
                years.add(year(y, FULL_TIME));
            }
            Simulator.Output out = new Simulator(ParameterTable.LAW).run(new Simulator.Input(0, 0, years));
            assertEquals(eur(1_440), out.years().get(3).after().ordinaryCents());
            assertEquals(eur(4_940), out.years().get(10).after().ordinaryCents());
            assertEquals(eur(5_000), new Simulator(ParameterTable.LAW).run(new Simulator.Input(0, 0,
                    java.util.stream.Stream.concat(years.stream(), java.util.stream.Stream.of(year(2026, FULL_TIME))).toList()))
                    .closing().ordinaryCents());
        }

        @Test
        void difHoursStayOutsideTheHoursEraStepAndCap() {
            // DOMAIN.md §1, Conversion: "96 CPF h + 120 DIF h = 216 h → 3 240 €" — only possible if DIF counts neither
            // for the 120 h step nor for the 150 h cap: 2015–2018 full time earn 4 × 24 h = 96 h on an empty CPF
            List<YearFacts> years = List.of(year(2015, FULL_TIME), year(2016, FULL_TIME), year(2017, FULL_TIME),
                    year(2018, FULL_TIME));
            Simulator.Output out = new Simulator(ParameterTable.LAW).run(new Simulator.Input(0, 0, h(120), years));
            assertEquals(List.of(h(24), h(24), h(24), h(24)), out.years().stream().map(y -> y.credit().minutes()).toList());
            assertEquals(h(120), out.years().get(2).difMinutes(), "DIF hours stay in hours until the conversion");
            Conversion.Result converted = out.years().get(3).conversion();
            assertEquals(eur(3_240), converted.cents());
            assertTrue(converted.explanation().arithmetic().get(0).contains("96 h CPF + 120 h DIF = 216 h"),
                    converted.explanation().arithmetic().toString());
            assertEquals(new AccountState(eur(3_240), 0, 0), out.closing());
            assertEquals(0, out.closingDifMinutes());
        }

        @Test
        void difHoursConvertBeforeTheFirstEurosYear() {
            // DOMAIN.md §1: every hour, CPF and DIF, became 15 € on 1 January 2019; then 2020 adds 500 €
            Simulator.Output out = new Simulator(ParameterTable.LAW).run(new Simulator.Input(0, h(30), h(120),
                    List.of(year(2020, FULL_TIME))));
            assertEquals(eur(2_250), out.years().get(0).conversion().cents());
            assertEquals(new AccountState(eur(2_750), 0, 0), out.closing());
        }

        @Test
        void openingHoursConvertBeforeTheFirstEurosYear() {
            Simulator.Output out = new Simulator(ParameterTable.LAW).run(new Simulator.Input(0, h(100),
                    List.of(year(2020, FULL_TIME))));
            assertEquals(eur(1_500), out.years().get(0).conversion().cents());
            assertEquals(eur(2_000), out.closing().ordinaryCents());
        }

        @Test
        void civilServantsHoursAreNeverConverted() {
            Simulator.Output out = new Simulator(ParameterTable.LAW).run(new Simulator.Input(0, h(100),
                    List.of(year(2018, new CivilServant("A")), year(2020, new CivilServant("A")))));
            // 2018: 20 h to the step + 4/24 × 12 h = 22 h; 2020: 25 h
            assertEquals(new AccountState(0, 0, h(100 + 22 + 25)), out.closing());
        }
    }

    @Nested
    class CoPayments {

        final CoPayment coPayment = new CoPayment(ParameterTable.LAW);

        long due(String day) {
            return coPayment.due(LocalDate.parse(day), Exemptions.NONE).cents();
        }

        @Test
        void nothingIsDueBefore2May2024() {
            assertEquals(0, due("2024-05-01"));
        }

        @Test
        void oneHundredEurosFrom2May2024() {
            assertEquals(eur(100), due("2024-05-02"));
            assertEquals(eur(100), due("2024-12-31"));
        }

        @Test
        void indexedEach1January() {
            assertEquals(10_223, due("2025-01-01"));
            assertEquals(10_223, due("2025-12-31"));
            assertEquals(10_320, due("2026-01-01"));
        }

        @Test
        void eachExemptionMakesItFree() {
            LocalDate day = LocalDate.of(2026, 3, 1);
            for (Exemptions e : List.of(new Exemptions(true, false, false, false), new Exemptions(false, true, false, false),
                    new Exemptions(false, false, true, false), new Exemptions(false, false, false, true))) {
                CoPayment.Result r = coPayment.due(day, e);
                assertEquals(0, r.cents(), e.toString());
                assertTrue(r.explanation().result().startsWith("0 (exempt"), r.explanation().result());
            }
        }
    }

    /** DOMAIN.md §1: who pays a top-up decides the co-payment exemption and the licence's co-funding. */
    @Nested
    class FunderTypes {

        @Test
        void onlyAnEmployerOrOpcoTopUpExemptsFromTheCoPayment() {
            assertEquals(EnumSet.of(FunderType.EMPLOYER, FunderType.OPCO),
                    EnumSet.copyOf(java.util.Arrays.stream(FunderType.values()).filter(FunderType::exemptsCoPayment).toList()));
        }

        @Test
        void everyFunderButTheHolderIsAThirdParty() {
            assertEquals(EnumSet.of(FunderType.HOLDER),
                    EnumSet.copyOf(java.util.Arrays.stream(FunderType.values()).filter(t -> !t.isThirdParty()).toList()));
        }

        @Test
        void theTypeIsTheFirstWordOfTheEntrysFunder() {
            assertEquals(FunderType.EMPLOYER, FunderType.ofFunder("EMPLOYER SIRET 73282932000074").orElseThrow());
            assertEquals(FunderType.REGION, FunderType.ofFunder("REGION young-without-diploma").orElseThrow());
            assertTrue(FunderType.ofFunder(null).isEmpty());
            assertTrue(FunderType.ofFunder("EMPLOYERS club").isEmpty());
        }
    }

    @Nested
    class SpendingRules {

        final Spending spending = new Spending(ParameterTable.LAW);
        final List<Pot> plenty = List.of(new Pot("ORDINARY", PotKind.ORDINARY, eur(4_000), null));

        Spending.Plan plan(String day, String type, long price, boolean jobSeeker, List<Pot> pots) {
            return spending.plan(new Purchase(LocalDate.parse(day), type, "RS1234", price, jobSeeker), pots);
        }

        @Test
        void anRsActionIsCappedAt1500EurosFrom26February2026() {
            assertEquals(eur(2_000), plan("2026-02-25", "RS", eur(2_000), false, plenty).cpfCents());
            Spending.Plan capped = plan("2026-02-26", "RS", eur(2_000), false, plenty);
            assertEquals(eur(1_500), capped.cpfCents());
            assertEquals(eur(500), capped.remainderDueByHolder());
            assertEquals(eur(1_500), plan("2026-02-26", "RS", eur(1_500), false, plenty).cpfCents());
        }

        @Test
        void cleaIsExceptedFromTheRsCap() {
            assertEquals(eur(2_000), plan("2026-03-01", "CLEA", eur(2_000), false, plenty).cpfCents());
        }

        @Test
        void aBilanIsCappedAt1600Euros() {
            assertEquals(eur(1_600), plan("2026-03-01", "BILAN", eur(2_000), false, plenty).cpfCents());
            assertEquals(eur(2_000), plan("2026-02-25", "BILAN", eur(2_000), false, plenty).cpfCents());
        }

        /**
         * DOMAIN.md §1 "Eligible purchases": from 26 Feb 2026 at most 900 € of CPF money per car licence, and only for
         * job seekers or with a third-party co-funding — a top-up on the account from someone other than the holder.
         */
        @Test
        void aDrivingLicenceIsCappedAt900AndNeedsAJobSeekerOrAThirdPartyTopUp() {
            Spending.Plan refused = plan("2026-03-01", "DRIVING_LICENCE", eur(1_500), false, plenty);
            assertEquals(Spending.INELIGIBLE_ACTION, refused.refusal().orElseThrow());
            assertEquals(eur(900), plan("2026-03-01", "DRIVING_LICENCE", eur(1_500), true, plenty).cpfCents());
            assertEquals(eur(1_500), plan("2026-02-25", "DRIVING_LICENCE", eur(1_500), false, plenty).cpfCents());

            List<Pot> coFunded = List.of(plenty.get(0), new Pot("TOP_UP:e", PotKind.TOP_UP, eur(200), null, FunderType.EMPLOYER));
            Spending.Plan p = plan("2026-03-01", "DRIVING_LICENCE", eur(1_500), false, coFunded);
            assertTrue(p.refusal().isEmpty());
            assertEquals(eur(900), p.cpfCents(), "the co-funding is CPF money like any pot: 900 € in all");
            assertEquals(eur(600), p.remainderDueByHolder());
            assertEquals(Set.of(FunderType.EMPLOYER), p.topUpFunders());
        }

        @Test
        void aLicenceSpendsTheThirdPartyCoFundingFirstElseTheHoldersRightsWouldFillThe900() {
            List<Pot> pots = List.of(new Pot("ORDINARY", PotKind.ORDINARY, eur(4_000), null),
                    new Pot("TOP_UP:h", PotKind.TOP_UP, eur(500), null, FunderType.HOLDER),
                    new Pot("TOP_UP:r", PotKind.TOP_UP, eur(300), null, FunderType.REGION));
            Spending.Plan p = plan("2026-03-01", "DRIVING_LICENCE", eur(1_200), false, pots);
            assertEquals(List.of("TOP_UP:r", "ORDINARY"), List.copyOf(p.byPot().keySet()));
            assertEquals(Map.of("TOP_UP:r", eur(300), "ORDINARY", eur(600)), p.byPot());
            // a job seeker needs no co-funding: the usual order
            assertEquals(Map.of("ORDINARY", eur(900)), plan("2026-03-01", "DRIVING_LICENCE", eur(1_200), true, pots).byPot());
        }

        @Test
        void theHoldersOwnTopUpOrAnEmptyOrElsewhereEarmarkedCoFundingDoesNotOpenALicence() {
            for (Pot notACoFunding : List.of(new Pot("TOP_UP:h", PotKind.TOP_UP, eur(500), null, FunderType.HOLDER),
                    new Pot("TOP_UP:e", PotKind.TOP_UP, 0, null, FunderType.EMPLOYER),
                    new Pot("TOP_UP:e", PotKind.TOP_UP, eur(500), Set.of("RNCP999"), FunderType.EMPLOYER),
                    new Pot("C2P", PotKind.TOP_UP, eur(500), null))) {
                assertEquals(Spending.INELIGIBLE_ACTION, plan("2026-03-01", "DRIVING_LICENCE", eur(1_200), false,
                        List.of(plenty.get(0), notACoFunding)).refusal().orElseThrow(), notACoFunding.toString());
            }
        }

        /** DOMAIN.md §1 co-payment: the exemption is for "purchases with an employer or OPCO top-up": one it spends. */
        @Test
        void thePlanNamesTheFundersOfTheTopUpsItSpendsOnly() {
            List<Pot> pots = List.of(new Pot("ORDINARY", PotKind.ORDINARY, eur(500), null),
                    new Pot("TOP_UP:o", PotKind.TOP_UP, eur(1_000), null, FunderType.OPCO));
            assertEquals(Set.of(), plan("2025-06-01", "RNCP", eur(400), false, pots).topUpFunders(),
                    "the ordinary rights pay it all: the OPCO's money is not used");
            assertEquals(Set.of(FunderType.OPCO), plan("2025-06-01", "RNCP", eur(600), false, pots).topUpFunders());
        }

        @Test
        void anUnknownActionIsIneligible() {
            assertEquals(Spending.INELIGIBLE_ACTION, plan("2026-03-01", "COOKING_CLASS", eur(100), false, plenty).refusal().orElseThrow());
        }

        @Test
        void ordinaryRightsGoFirstThenCecThenTopUps() {
            List<Pot> pots = List.of(new Pot("TOP_UP:1", PotKind.TOP_UP, eur(1_000), null),
                    new Pot("CEC", PotKind.CEC, eur(300), null),
                    new Pot("ORDINARY", PotKind.ORDINARY, eur(500), null));
            Spending.Plan p = plan("2025-06-01", "RNCP", eur(1_000), false, pots);
            assertEquals(Map.of("ORDINARY", eur(500), "CEC", eur(300), "TOP_UP:1", eur(200)), p.byPot());
            assertEquals(List.of("ORDINARY", "CEC", "TOP_UP:1"), List.copyOf(p.byPot().keySet()));
        }

        @Test
        void anEarmarkedTopUpPaysOnlyForItsCertifications() {
            Pot earmarked = new Pot("TOP_UP:2", PotKind.TOP_UP, eur(1_000), Set.of("RNCP999"));
            List<Pot> pots = List.of(new Pot("ORDINARY", PotKind.ORDINARY, eur(100), null), earmarked);
            Spending.Plan other = spending.plan(new Purchase(LocalDate.parse("2025-06-01"), "RNCP", "RNCP111", eur(500), false), pots);
            assertEquals(eur(100), other.cpfCents());
            assertEquals(eur(400), other.remainderDueByHolder());
            Spending.Plan its = spending.plan(new Purchase(LocalDate.parse("2025-06-01"), "RNCP", "RNCP999", eur(500), false), pots);
            assertEquals(eur(500), its.cpfCents());
        }

        @Test
        void anActionWithoutACodeIsPaidByNoEarmarkedTopUp() {
            Pot earmarked = new Pot("TOP_UP:2", PotKind.TOP_UP, eur(1_000), Set.of("RNCP999"));
            List<Pot> pots = List.of(new Pot("ORDINARY", PotKind.ORDINARY, eur(100), null), earmarked);
            Spending.Plan vae = spending.plan(new Purchase(LocalDate.parse("2025-06-01"), "VAE", null, eur(500), false), pots);
            assertEquals(Map.of("ORDINARY", eur(100)), vae.byPot());
            assertEquals(eur(400), vae.remainderDueByHolder());
        }

        @Test
        void noRightsAtAllIsRefused() {
            Spending.Plan p = plan("2025-06-01", "RNCP", eur(500), false, List.of(new Pot("ORDINARY", PotKind.ORDINARY, 0, null)));
            assertEquals(Spending.INSUFFICIENT_RIGHTS, p.refusal().orElseThrow());
        }

        /** Every kind of pot a holder may have: ordinary, CEC, an employer's top-up, an earmarked one, C2P money. */
        final List<Pot> everyPot = List.of(new Pot("ORDINARY", PotKind.ORDINARY, eur(4_000), null),
                new Pot("CEC", PotKind.CEC, eur(300), null),
                new Pot("TOP_UP:e", PotKind.TOP_UP, eur(1_000), null, FunderType.EMPLOYER),
                new Pot("TOP_UP:m", PotKind.TOP_UP, eur(1_000), Set.of("RS1234"), FunderType.REGION),
                new Pot("C2P", PotKind.TOP_UP, eur(500), null));

        Spending.Plan closed(String type, long price, List<Pot> pots) {
            return spending.plan(new Purchase(LocalDate.parse("2026-03-02"), type, null, price, false, true), pots);
        }

        /** DOMAIN.md §1 "Eligible purchases": volunteer-mission training, CEC money only (L6323-6). */
        @Test
        void volunteerTrainingIsPaidWithCecMoneyOnlyAndTheHolderPaysTheRest() {
            Spending.Plan p = plan("2026-03-02", "VOLUNTEER_TRAINING", eur(500), false, everyPot);
            assertTrue(p.refusal().isEmpty());
            assertEquals(Map.of("CEC", eur(300)), p.byPot(), "not the ordinary rights, no top-up, no C2P money");
            assertEquals(eur(300), p.cpfCents());
            assertEquals(eur(200), p.remainderDueByHolder());
            assertEquals(Set.of(), p.topUpFunders(), "no top-up is spent: an employer's cannot waive the co-payment");
            // no per-action cap (D6323-1 A caps RS actions, bilans and licences only)
            assertTrue(spending.actionCap("VOLUNTEER_TRAINING", LocalDate.parse("2026-03-02")).isEmpty());
            List<Pot> richCec = List.of(new Pot("CEC", PotKind.CEC, eur(2_000), null));
            assertEquals(eur(1_800), plan("2026-03-02", "VOLUNTEER_TRAINING", eur(1_800), false, richCec).cpfCents());
        }

        @Test
        void volunteerTrainingWithoutCecMoneyIsRefusedWhateverElseTheAccountHolds() {
            List<Pot> noCec = everyPot.stream().filter(p -> p.kind() != PotKind.CEC).toList();
            Spending.Plan p = plan("2026-03-02", "VOLUNTEER_TRAINING", eur(500), false, noCec);
            assertEquals(Spending.INSUFFICIENT_RIGHTS, p.refusal().orElseThrow());
            assertEquals(Map.of(), p.byPot());
            assertEquals(Spending.INSUFFICIENT_RIGHTS, plan("2026-03-02", "VOLUNTEER_TRAINING", eur(500), false,
                    List.of(new Pot("CEC", PotKind.CEC, 0, null), everyPot.get(0))).refusal().orElseThrow());
        }

        /** DOMAIN.md §1 "Scope" and §3: after the pension claim, CEC money stays usable for volunteer training only. */
        @Test
        void aClosedAccountStillBuysVolunteerTrainingWithItsCecMoney() {
            Spending.Plan p = closed("VOLUNTEER_TRAINING", eur(250), everyPot);
            assertTrue(p.refusal().isEmpty(), p.explanation().result());
            assertEquals(Map.of("CEC", eur(250)), p.byPot());
            assertEquals(0, p.remainderDueByHolder());
            Spending.Plan more = closed("VOLUNTEER_TRAINING", eur(400), everyPot);
            assertEquals(Map.of("CEC", eur(300)), more.byPot());
            assertEquals(eur(100), more.remainderDueByHolder());
            assertEquals(Spending.INSUFFICIENT_RIGHTS, closed("VOLUNTEER_TRAINING", eur(400),
                    everyPot.stream().filter(x -> x.kind() != PotKind.CEC).toList()).refusal().orElseThrow());
        }

        @Test
        void aClosedAccountBuysNothingElseWhateverItHolds() {
            for (String type : List.of("RNCP", "RS", "CLEA", "VAE", "BILAN", "DRIVING_LICENCE", "BUSINESS_CREATION")) {
                Spending.Plan p = closed(type, eur(100), everyPot);
                assertEquals(Spending.ACCOUNT_CLOSED, p.refusal().orElseThrow(), type);
                assertEquals(Map.of(), p.byPot(), type);
                assertEquals(eur(100), p.remainderDueByHolder(), type);
            }
            // an open account with the same pots buys them as before
            assertEquals(eur(100), plan("2026-03-02", "RS", eur(100), false, everyPot).cpfCents());
        }
    }

    @Nested
    class Table {

        @Test
        void everyParameterHasAValue() {
            EnumSet<Param> missing = EnumSet.allOf(Param.class);
            ParameterTable.LAW.all().forEach(v -> missing.remove(v.param()));
            assertEquals(EnumSet.noneOf(Param.class), missing);
        }

        @Test
        void aNewDatedValueReplacesOnlyItsPeriod() {
            ParameterTable next = ParameterTable.LAW.with(new ParameterValue(Param.CO_PAYMENT, 10_500, LocalDate.of(2027, 1, 1), null));
            // the open-ended 2026 value (DOMAIN.md §1: 103.20 € in 2026) is closed on 31 December 2026, not dropped
            assertEquals(10_500, next.at(Param.CO_PAYMENT, LocalDate.of(2027, 3, 1)).value());
            assertEquals(10_320, next.at(Param.CO_PAYMENT, LocalDate.of(2026, 6, 1)).value());
            assertEquals(10_320, next.at(Param.CO_PAYMENT, LocalDate.of(2026, 12, 31)).value());
            assertEquals(10_223, next.at(Param.CO_PAYMENT, LocalDate.of(2025, 3, 1)).value());
        }

        @Test
        void aBoundedValueInsideAnOpenOneLeavesItInForceOnBothSides() {
            ParameterTable next = ParameterTable.LAW.with(new ParameterValue(Param.CO_PAYMENT, 0,
                    LocalDate.of(2026, 7, 1), LocalDate.of(2026, 7, 31)));
            assertEquals(10_320, next.at(Param.CO_PAYMENT, LocalDate.of(2026, 6, 30)).value());
            assertEquals(0, next.at(Param.CO_PAYMENT, LocalDate.of(2026, 7, 15)).value());
            assertEquals(10_320, next.at(Param.CO_PAYMENT, LocalDate.of(2026, 8, 1)).value());
        }

        @Test
        void aValueAskedOutsideItsPeriodIsAnError() {
            assertThrows(IllegalStateException.class, () -> ParameterTable.LAW.at(Param.YEARLY_CREDIT, LocalDate.of(2018, 12, 31)));
        }
    }
}
