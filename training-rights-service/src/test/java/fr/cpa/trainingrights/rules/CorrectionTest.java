package fr.cpa.trainingrights.rules;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A year credited by its run, then a late or corrected declaration: the difference, both computations cited. */
class CorrectionTest {

    static final AcquisitionRules RULES = new AcquisitionRules(ParameterTable.LAW);
    static final long FULL_YEAR = 1607 * 60;

    static YearlyCredit employee(long workedMinutes) {
        return RULES.credit(new YearFacts(2021, false, false, List.of(Activity.Employee.hours(workedMinutes, FULL_YEAR))), AccountState.EMPTY);
    }

    static Correction.Previous gave(long cents) {
        return new Correction.Previous(cents, 0, "EUROS_ERA_EMPLOYEE → 125.00 €");
    }

    @Test
    void aLateDeclarationReachingHalfTimeCreditsTheRestOfTheFullYear() {
        // a quarter of the year gave 125 €; with the late months the holder worked half the reference: 500 €
        Correction.Result r = Correction.of(gave(12_500), employee(FULL_YEAR / 2), 12_500, 0, "late ActivityDeclared");
        assertEquals(37_500, r.centsDelta());
        assertEquals("credit 375.00 €", r.explanation().result());
        List<String> steps = r.explanation().arithmetic();
        assertTrue(steps.get(0).startsWith("previous computation: EUROS_ERA_EMPLOYEE → 125.00 €"), steps.get(0));
        assertTrue(steps.get(1).startsWith("new computation: "), steps.get(1));
        assertEquals("difference: 500.00 € − 125.00 € = 375.00 €", steps.get(2));
        assertEquals("125.00 €", r.explanation().inputs().get("previousCredit"));
        assertEquals("500.00 €", r.explanation().inputs().get("newCredit"));
    }

    @Test
    void aWithdrawnMonthTakesBackTheDifferenceRoundedUpInTheHoldersFavour() {
        // 500 € given; 5 months of 12 left: 500 × 5/12 = 208.333… → 208.34 €, so 291.66 € is taken back
        Correction.Result r = Correction.of(gave(50_000), employee(FULL_YEAR * 5 / 12), 50_000, 0, "ActivityWithdrawn");
        assertEquals(-29_166, r.centsDelta());
        assertEquals(0, r.centsNotRecovered());
        assertEquals("take back 291.66 €", r.explanation().result());
    }

    @Test
    void onlyWhatIsStillAvailableIsTakenBackAndTheRestIsSaid() {
        Correction.Result exact = Correction.of(gave(50_000), employee(0), 50_000, 0, "ActivityWithdrawn");
        assertEquals(-50_000, exact.centsDelta());
        assertEquals(0, exact.centsNotRecovered());
        Correction.Result spent = Correction.of(gave(50_000), employee(0), 49_999, 0, "ActivityWithdrawn");
        assertEquals(-49_999, spent.centsDelta());
        assertEquals(1, spent.centsNotRecovered());
        assertTrue(spent.explanation().arithmetic().get(3).contains("0.01 € is not taken back"), spent.explanation().arithmetic().toString());
    }

    @Test
    void aRedeliveredOrUnchangedDeclarationChangesNothing() {
        Correction.Result r = Correction.of(gave(50_000), employee(FULL_YEAR), 50_000, 0, "ActivityDeclared again");
        assertTrue(r.changesNothing());
        assertEquals("no change", r.explanation().result());
    }

    @Test
    void aCivilServantsYearIsCorrectedInHours() {
        YearlyCredit now = RULES.credit(new YearFacts(2021, false, false, List.of(new Activity.CivilServant("B"))), AccountState.EMPTY);
        Correction.Result r = Correction.of(new Correction.Previous(0, 0, "nothing"), now, 0, 0, "late ActivityDeclared");
        // 2020+: 25 h a year
        assertEquals(25 * 60, r.minutesDelta());
        assertEquals(0, r.centsDelta());
        assertEquals("credit 25 h", r.explanation().result());
    }
}
