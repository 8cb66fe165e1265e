package fr.cpa.account.nir;

import java.time.LocalDate;

/**
 * The NIR carries the year of birth (characters 2–3) and the month (4–5, or 20–42 / 50–99 when the
 * month was unknown at registration): they must agree with the declared birth date.
 */
public final class NirBirthDate {

    private NirBirthDate() {
    }

    public static boolean matches(Nir nir, LocalDate birthDate) {
        int year = Integer.parseInt(nir.value().substring(1, 3));
        int month = Integer.parseInt(nir.value().substring(3, 5));
        boolean monthKnown = month >= 1 && month <= 12;
        return year == birthDate.getYear() % 100 && (!monthKnown || month == birthDate.getMonthValue());
    }
}
