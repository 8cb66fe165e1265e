package fr.cpa.catalogue.rules;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Working days (jours ouvrés): Monday to Friday except the French public holidays of C. trav. L3133-1.
 * The enrolment deadlines of DOMAIN.md §4 count in these. Easter is computed once per year (the
 * anonymous Gregorian algorithm) and the year's holidays cached. Whit Monday stays a public holiday
 * even where it is the "journée de solidarité" (L3133-7). Alsace-Moselle's two extra days (Good Friday,
 * 26 December, L3134-13) are local and not counted: the CPF deadlines are national.
 */
public final class WorkingDays {

    /** The fixed-date holidays of L3133-1. */
    static final List<MonthDay> FIXED = List.of(
            MonthDay.of(1, 1),    // jour de l'an
            MonthDay.of(5, 1),    // fête du travail
            MonthDay.of(5, 8),    // victoire 1945
            MonthDay.of(7, 14),   // fête nationale
            MonthDay.of(8, 15),   // Assomption
            MonthDay.of(11, 1),   // Toussaint
            MonthDay.of(11, 11),  // armistice 1918
            MonthDay.of(12, 25)); // Noël

    private static final Map<Integer, Set<LocalDate>> HOLIDAYS = new ConcurrentHashMap<>();

    private WorkingDays() {
    }

    /** Easter Sunday of a Gregorian year (Meeus/Jones/Butcher). */
    public static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(year, month, day);
    }

    /** The eleven public holidays of a year: the fixed eight, Easter Monday, Ascension and Whit Monday. */
    public static Set<LocalDate> publicHolidays(int year) {
        return HOLIDAYS.computeIfAbsent(year, y -> {
            LocalDate easter = easterSunday(y);
            return Stream.concat(FIXED.stream().map(md -> md.atYear(y)),
                            Stream.of(easter.plusDays(1), easter.plusDays(39), easter.plusDays(50)))
                    .collect(Collectors.toUnmodifiableSet());
        });
    }

    public static boolean isWorkingDay(LocalDate day) {
        DayOfWeek dow = day.getDayOfWeek();
        return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY && !publicHolidays(day.getYear()).contains(day);
    }

    /** The {@code n}-th working day after {@code from} ({@code from} itself not counted); n ≥ 0. */
    public static LocalDate plus(LocalDate from, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0");
        }
        LocalDate day = from;
        int left = n;
        while (left > 0) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                left--;
            }
        }
        return day;
    }

    /** How many working days lie strictly between {@code from} and {@code to} (0 when {@code to} is not after). */
    public static int between(LocalDate from, LocalDate to) {
        int count = 0;
        for (LocalDate day = from.plusDays(1); day.isBefore(to); day = day.plusDays(1)) {
            if (isWorkingDay(day)) {
                count++;
            }
        }
        return count;
    }
}
