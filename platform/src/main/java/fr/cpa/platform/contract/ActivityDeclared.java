package fr.cpa.platform.contract;

import fr.cpa.platform.money.Money;

import java.util.List;
import java.util.UUID;

/**
 * {@code cpa.activity.v1} / {@code ActivityDeclared}: one employee-month of an accepted payroll
 * declaration. A later version of the same declaration (same SIRET and period) replaces it.
 *
 * @param period        the month, {@code YYYY-MM}
 * @param status        EMPLOYEE or CIVIL_SERVANT
 * @param category      A, B or C for civil servants, else null
 * @param timeUnit      HOURS, DAYS (forfait-jours) or NONE (paid without an hours basis)
 * @param paidTime      time paid in the month: minutes for HOURS, days for DAYS, null for NONE
 * @param referenceTime the category's full time for the month, in the same unit
 * @param partTimeRate  percent of full time, 100 for full time
 * @param grossPay      gross pay in cents (for NONE; may be given for the others)
 */
public record ActivityDeclared(
        UUID holderId,
        UUID declarationId,
        int version,
        String siret,
        String period,
        String status,
        String category,
        String timeUnit,
        Long paidTime,
        Long referenceTime,
        Integer partTimeRate,
        Money grossPay,
        List<CountedAbsence> countedAbsences) {

    public static final String TYPE = "ActivityDeclared";

    /** An absence that counts as worked time for the CPF (L6323-12), in minutes. */
    public record CountedAbsence(String kind, long minutes) {
    }
}
