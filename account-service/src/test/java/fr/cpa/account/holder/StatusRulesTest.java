package fr.cpa.account.holder;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** DOMAIN.md §1 (who is who) and issue 4 "Holders": dated situations, overlapping allowed. */
class StatusRulesTest {

    static final LocalDate BIRTH = LocalDate.of(2000, 3, 15);

    static List<String> fields(List<StatusRules.Violation> violations) {
        return violations.stream().map(StatusRules.Violation::field).toList();
    }

    static StatusRules.Period period(Situation status, LocalDate from, LocalDate to) {
        return new StatusRules.Period(UUID.randomUUID(), status, null, from, to);
    }

    @Test
    void aCivilServantNeedsCategoryAOrBOrC() {
        LocalDate from = LocalDate.of(2024, 9, 1);
        assertEquals(List.of(), StatusRules.checkNew(Situation.CIVIL_SERVANT, "C", from, null, BIRTH, List.of()));
        assertEquals(List.of("category"), fields(StatusRules.checkNew(Situation.CIVIL_SERVANT, null, from, null, BIRTH, List.of())));
        assertEquals(List.of("category"), fields(StatusRules.checkNew(Situation.CIVIL_SERVANT, "D", from, null, BIRTH, List.of())));
    }

    @Test
    void onlyACivilServantHasACategory() {
        assertEquals(List.of("category"), fields(StatusRules.checkNew(Situation.EMPLOYEE, "A",
                LocalDate.of(2024, 1, 1), null, BIRTH, List.of())));
    }

    @Test
    void differentSituationsMayOverlap() {
        List<StatusRules.Period> existing = List.of(period(Situation.EMPLOYEE, LocalDate.of(2020, 1, 1), null));
        assertEquals(List.of(), StatusRules.checkNew(Situation.VOLUNTEER, null, LocalDate.of(2021, 1, 1), null, BIRTH, existing));
        assertEquals(List.of(), StatusRules.checkNew(Situation.SELF_EMPLOYED, null, LocalDate.of(2021, 1, 1), null, BIRTH, existing));
    }

    @Test
    void twoPeriodsOfTheSameSituationMayTouchButNotShareADay() {
        List<StatusRules.Period> existing = List.of(period(Situation.JOB_SEEKER, LocalDate.of(2022, 1, 1), LocalDate.of(2022, 6, 30)));
        assertEquals(List.of(), StatusRules.checkNew(Situation.JOB_SEEKER, null, LocalDate.of(2022, 7, 1), null, BIRTH, existing));
        assertEquals(List.of("from"), fields(StatusRules.checkNew(Situation.JOB_SEEKER, null, LocalDate.of(2022, 6, 30), null, BIRTH, existing)));
        assertEquals(List.of(), StatusRules.checkNew(Situation.JOB_SEEKER, null, LocalDate.of(2021, 1, 1), LocalDate.of(2021, 12, 31), BIRTH, existing));
        assertEquals(List.of("from"), fields(StatusRules.checkNew(Situation.JOB_SEEKER, null, LocalDate.of(2021, 1, 1), LocalDate.of(2022, 1, 1), BIRTH, existing)));
    }

    @Test
    void anOpenPeriodOverlapsEverythingAfterIt() {
        List<StatusRules.Period> existing = List.of(period(Situation.EMPLOYEE, LocalDate.of(2020, 1, 1), null));
        assertEquals(List.of("from"), fields(StatusRules.checkNew(Situation.EMPLOYEE, null, LocalDate.of(2030, 1, 1), null, BIRTH, existing)));
        assertEquals(List.of(), StatusRules.checkNew(Situation.EMPLOYEE, null, LocalDate.of(2019, 1, 1), LocalDate.of(2019, 12, 31), BIRTH, existing));
    }

    @Test
    void aYoungPersonWithoutDiplomaIs16To25() {
        LocalDate sixteenth = BIRTH.plusYears(16);        // 2016-03-15
        LocalDate eveOf26th = BIRTH.plusYears(26).minusDays(1);   // 2026-03-14
        assertEquals(List.of(), StatusRules.checkNew(Situation.YOUNG_WITHOUT_DIPLOMA, null, sixteenth, null, BIRTH, List.of()));
        assertEquals(List.of("from"), fields(StatusRules.checkNew(Situation.YOUNG_WITHOUT_DIPLOMA, null, sixteenth.minusDays(1), null, BIRTH, List.of())));
        assertEquals(List.of(), StatusRules.checkNew(Situation.YOUNG_WITHOUT_DIPLOMA, null, eveOf26th, eveOf26th, BIRTH, List.of()));
        assertEquals(List.of("from"), fields(StatusRules.checkNew(Situation.YOUNG_WITHOUT_DIPLOMA, null, eveOf26th.plusDays(1), null, BIRTH, List.of())));
        assertEquals(List.of("to"), fields(StatusRules.checkNew(Situation.YOUNG_WITHOUT_DIPLOMA, null, sixteenth, eveOf26th.plusDays(1), BIRTH, List.of())));
        assertEquals(eveOf26th, StatusRules.lastYoungDay(BIRTH, new HolderParameters.AgeRange(16, 25)));
    }

    @Test
    void aYoungPersonsOpenPeriodEndsOnTheEveOfThe26thBirthday() {
        LocalDate eveOf26th = BIRTH.plusYears(26).minusDays(1);
        LocalDate from = BIRTH.plusYears(18);
        assertEquals(eveOf26th, StatusRules.endOf(Situation.YOUNG_WITHOUT_DIPLOMA, from, null, BIRTH));
        assertEquals(from.plusYears(1), StatusRules.endOf(Situation.YOUNG_WITHOUT_DIPLOMA, from, from.plusYears(1), BIRTH),
                "an end given is kept");
        assertEquals(null, StatusRules.endOf(Situation.EMPLOYEE, from, null, BIRTH), "other situations stay open");
    }

    @Test
    void aPeriodEndsOnOrAfterItsStart() {
        LocalDate from = LocalDate.of(2023, 5, 1);
        assertEquals(List.of(), StatusRules.checkNew(Situation.ESAT, null, from, from, BIRTH, List.of()));
        assertEquals(List.of("to"), fields(StatusRules.checkNew(Situation.ESAT, null, from, from.minusDays(1), BIRTH, List.of())));
    }

    @Test
    void historyStartsWithTheCpfIn2015AndNotBeforeBirth() {
        LocalDate old = LocalDate.of(1960, 1, 1);
        assertEquals(List.of(), StatusRules.checkNew(Situation.EMPLOYEE, null, LocalDate.of(2015, 1, 1), null, old, List.of()));
        assertEquals(List.of("from"), fields(StatusRules.checkNew(Situation.EMPLOYEE, null, LocalDate.of(2014, 12, 31), null, old, List.of())));
        LocalDate baby = LocalDate.of(2020, 6, 1);
        assertEquals(List.of("from"), fields(StatusRules.checkNew(Situation.VOLUNTEER, null, baby.minusDays(1), null, baby, List.of())));
    }

    @Test
    void lowQualifiedAppliesFromFirstJanuaryOfTheYearOfDeclaration() {
        assertEquals(LocalDate.of(2025, 1, 1), StatusRules.lowQualifiedFrom(LocalDate.of(2025, 8, 14)));
        assertEquals(LocalDate.of(2025, 1, 1), StatusRules.lowQualifiedFrom(LocalDate.of(2025, 12, 31)));
    }

    @Test
    void lowQualifiedDeclarationCountsFrom2017() {
        assertTrue(StatusRules.lowQualifiedDeclarationOpen(LocalDate.of(2017, 1, 1)));
        assertFalse(StatusRules.lowQualifiedDeclarationOpen(LocalDate.of(2016, 12, 31)));
    }

    @Test
    void endingCannotPrecedeTheStartNorOverlapAnotherPeriod() {
        StatusRules.Period open = period(Situation.EMPLOYEE, LocalDate.of(2024, 1, 1), null);
        StatusRules.Period later = period(Situation.EMPLOYEE, LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31));
        assertEquals(List.of(), StatusRules.checkEnd(open, LocalDate.of(2024, 1, 1), BIRTH, List.of(open)));
        assertEquals(List.of("to"), fields(StatusRules.checkEnd(open, LocalDate.of(2023, 12, 31), BIRTH, List.of(open))));
        StatusRules.Period closed = period(Situation.EMPLOYEE, LocalDate.of(2024, 1, 1), LocalDate.of(2024, 6, 30));
        assertEquals(List.of("to"), fields(StatusRules.checkEnd(closed, LocalDate.of(2025, 1, 1), BIRTH, List.of(closed, later))));
        assertEquals(List.of(), StatusRules.checkEnd(closed, LocalDate.of(2024, 12, 31), BIRTH, List.of(closed, later)));
    }
}
