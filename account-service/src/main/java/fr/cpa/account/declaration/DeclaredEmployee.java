package fr.cpa.account.declaration;

import fr.cpa.account.nir.Nir;

import java.time.LocalDate;
import java.util.List;

/**
 * One validated employee-month of a declaration, in the platform's units: paid and reference time in
 * minutes for HOURS, in days for DAYS, null for NONE; money in cents.
 */
record DeclaredEmployee(
        int index,
        Nir nir,
        String lastName,
        String firstName,
        LocalDate birthDate,
        Contract contract,
        String timeUnit,
        Long paidTime,
        Long referenceTime,
        Integer partTimeRate,
        Long grossPayCents,
        List<Absence> absences,
        List<Exposure> exposures) {

    record Contract(String nature, LocalDate start, LocalDate end, String status, String category) {
    }

    /** A counted absence (L6323-12), in minutes. */
    record Absence(String kind, long minutes) {
    }

    /** A hardship factor above threshold for the year, in its unit, with the months exposed. */
    record Exposure(String factor, long quantity, String unit, int months) {
    }
}
