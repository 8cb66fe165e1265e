package fr.cpa.catalogue.rules;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** French working days (jours ouvrés) and the public holidays of C. trav. L3133-1. */
class WorkingDaysTest {

    @ParameterizedTest(name = "Easter {0} is {1}")
    @CsvSource({"2019,2019-04-21", "2024,2024-03-31", "2025,2025-04-20", "2026,2026-04-05", "2027,2027-03-28",
            "2038,2038-04-25", "2000,2000-04-23"})
    void easterSundayIsComputed(int year, LocalDate easter) {
        assertEquals(easter, WorkingDays.easterSunday(year));
    }

    @ParameterizedTest(name = "{0} ({1}) is a public holiday")
    @CsvSource({"2026-01-01,jour de l'an", "2026-04-06,Easter Monday", "2026-05-01,1 May", "2026-05-08,8 May",
            "2026-05-14,Ascension", "2026-05-25,Whit Monday", "2026-07-14,14 July", "2026-08-15,15 August",
            "2026-11-01,Toussaint", "2026-11-11,11 November", "2026-12-25,Christmas",
            "2027-03-29,Easter Monday 2027", "2027-05-06,Ascension 2027", "2027-05-17,Whit Monday 2027"})
    void publicHolidaysAreNotWorkingDays(LocalDate day, String name) {
        assertTrue(WorkingDays.publicHolidays(day.getYear()).contains(day), name);
        assertFalse(WorkingDays.isWorkingDay(day), name);
    }

    @Test
    void aYearHasElevenPublicHolidays() {
        assertEquals(11, WorkingDays.publicHolidays(2026).size());
        assertEquals(11, WorkingDays.publicHolidays(2027).size());
    }

    @Test
    void weekendsAreNotWorkingDaysAndOrdinaryWeekdaysAre() {
        assertFalse(WorkingDays.isWorkingDay(LocalDate.of(2026, 11, 28)), "Saturday");
        assertFalse(WorkingDays.isWorkingDay(LocalDate.of(2026, 11, 29)), "Sunday");
        assertTrue(WorkingDays.isWorkingDay(LocalDate.of(2026, 11, 27)), "Friday");
        assertTrue(WorkingDays.isWorkingDay(LocalDate.of(2026, 4, 3)), "Good Friday is worked outside Alsace-Moselle");
        assertTrue(WorkingDays.isWorkingDay(LocalDate.of(2026, 12, 26)) == false, "26 Dec 2026 is a Saturday");
        assertTrue(WorkingDays.isWorkingDay(LocalDate.of(2025, 12, 26)), "26 Dec 2025, a Friday, is worked");
    }

    @Test
    void addingWorkingDaysSkipsTheWeekend() {
        // Thursday + 2 working days: Friday, Monday
        assertEquals(LocalDate.of(2026, 12, 7), WorkingDays.plus(LocalDate.of(2026, 12, 3), 2));
        // Friday + 1: Monday
        assertEquals(LocalDate.of(2026, 12, 7), WorkingDays.plus(LocalDate.of(2026, 12, 4), 1));
        assertEquals(LocalDate.of(2026, 12, 4), WorkingDays.plus(LocalDate.of(2026, 12, 4), 0));
    }

    @Test
    void addingWorkingDaysSkipsEasterMondayAnd14July() {
        // Friday 3 April 2026 + 2: Tuesday 7 (Monday 6 is Easter Monday), Wednesday 8
        assertEquals(LocalDate.of(2026, 4, 8), WorkingDays.plus(LocalDate.of(2026, 4, 3), 2));
        // Friday 10 July 2026 + 4: Monday 13, (Tuesday 14 July), Wednesday 15, Thursday 16, Friday 17
        assertEquals(LocalDate.of(2026, 7, 17), WorkingDays.plus(LocalDate.of(2026, 7, 10), 4));
        // Wednesday 13 May 2026 + 1: Friday 15 (Thursday 14 is Ascension)
        assertEquals(LocalDate.of(2026, 5, 15), WorkingDays.plus(LocalDate.of(2026, 5, 13), 1));
        // Friday 22 May 2026 + 1: Tuesday 26 (Monday 25 is Whit Monday)
        assertEquals(LocalDate.of(2026, 5, 26), WorkingDays.plus(LocalDate.of(2026, 5, 22), 1));
        // Thursday 30 April 2026 + 1: Monday 4 May (1 May a holiday); Thursday 7 May + 1: Monday 11 (8 May)
        assertEquals(LocalDate.of(2026, 5, 4), WorkingDays.plus(LocalDate.of(2026, 4, 30), 1));
        assertEquals(LocalDate.of(2026, 5, 11), WorkingDays.plus(LocalDate.of(2026, 5, 7), 1));
        // Friday 14 August 2026 + 1: Monday 17 (15 August a Saturday anyway)
        assertEquals(LocalDate.of(2026, 8, 17), WorkingDays.plus(LocalDate.of(2026, 8, 14), 1));
        // Tuesday 10 November 2026 + 1: Thursday 12 (11 November); Friday 30 October + 1: Monday 2 Nov (1 Nov a Sunday)
        assertEquals(LocalDate.of(2026, 11, 12), WorkingDays.plus(LocalDate.of(2026, 11, 10), 1));
        assertEquals(LocalDate.of(2026, 11, 2), WorkingDays.plus(LocalDate.of(2026, 10, 30), 1));
        // Thursday 24 December 2026 + 1: Monday 28 (Christmas Friday); Thursday 31 December + 1: Monday 4 January 2027
        assertEquals(LocalDate.of(2026, 12, 28), WorkingDays.plus(LocalDate.of(2026, 12, 24), 1));
        assertEquals(LocalDate.of(2027, 1, 4), WorkingDays.plus(LocalDate.of(2026, 12, 31), 1));
    }

    @Test
    void workingDaysBetweenCountsStrictlyInside() {
        // Monday 7 → Monday 14 December 2026: Tuesday to Friday = 4
        assertEquals(4, WorkingDays.between(LocalDate.of(2026, 12, 7), LocalDate.of(2026, 12, 14)));
        // around 14 July 2026 (Tuesday): Friday 10 → Friday 17: Monday 13, Wednesday 15, Thursday 16 = 3
        assertEquals(3, WorkingDays.between(LocalDate.of(2026, 7, 10), LocalDate.of(2026, 7, 17)));
        assertEquals(0, WorkingDays.between(LocalDate.of(2026, 7, 17), LocalDate.of(2026, 7, 10)));
    }
}
