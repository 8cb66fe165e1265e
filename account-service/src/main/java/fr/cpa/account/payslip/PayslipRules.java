package fr.cpa.account.payslip;

import fr.cpa.platform.identity.Siret;
import fr.cpa.account.nir.Nir;
import fr.cpa.platform.problem.Problem.FieldError;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** What an uploaded payslip must be: a PDF of at most 5 MB, for a valid NIR, SIRET and month. */
final class PayslipRules {

    /** The largest payslip accepted (issue 4): a one-page PDF weighs a few hundred kB. */
    static final long MAX_BYTES = 5L * 1024 * 1024;
    /** Every PDF starts with these bytes (ISO 32000-1, 7.5.2). */
    static final byte[] PDF_MAGIC = {'%', 'P', 'D', 'F', '-'};
    static final YearMonth FIRST_PERIOD = YearMonth.of(2015, 1);
    private static final Pattern PERIOD = Pattern.compile("\\d{4}-\\d{2}");

    private PayslipRules() {
    }

    static boolean isPdf(byte[] head) {
        if (head == null || head.length < PDF_MAGIC.length) {
            return false;
        }
        for (int i = 0; i < PDF_MAGIC.length; i++) {
            if (head[i] != PDF_MAGIC[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Every broken rule of an upload, by form field.
     *
     * @param head the first bytes of the file (null when no file came)
     */
    static List<FieldError> check(String nir, String siret, String period, Long netPay, Long grossPay,
                                  Long size, byte[] head, YearMonth currentMonth) {
        List<FieldError> errors = new ArrayList<>();
        if (nir == null || nir.isBlank()) {
            errors.add(new FieldError("nir", "must be given"));
        } else if (!Nir.isValid(nir)) {
            errors.add(new FieldError("nir", "is not a valid NIR"));
        }
        if (siret == null || siret.isBlank()) {
            errors.add(new FieldError("siret", "must be given"));
        } else if (!Siret.isValid(siret)) {
            errors.add(new FieldError("siret", "is not a valid SIRET (14 digits with a Luhn checksum)"));
        }
        YearMonth month = null;
        try {
            month = period != null && PERIOD.matcher(period).matches() ? YearMonth.parse(period) : null;
        } catch (DateTimeParseException e) {
            month = null;
        }
        if (month == null) {
            errors.add(new FieldError("period", "must be a month, YYYY-MM"));
        } else if (month.isBefore(FIRST_PERIOD) || month.isAfter(currentMonth)) {
            errors.add(new FieldError("period", "must be from " + FIRST_PERIOD + " to " + currentMonth));
        }
        if (netPay == null || netPay < 0) {
            errors.add(new FieldError("netPay", "must be a whole, non-negative number of cents"));
        }
        if (grossPay == null || grossPay < 0) {
            errors.add(new FieldError("grossPay", "must be a whole, non-negative number of cents"));
        } else if (netPay != null && netPay > grossPay) {
            errors.add(new FieldError("netPay", "cannot exceed grossPay"));
        }
        if (size == null) {
            errors.add(new FieldError("file", "must be given"));
        } else if (size > MAX_BYTES) {
            errors.add(new FieldError("file", "must be at most 5 MB, got " + size + " bytes"));
        } else if (!isPdf(head)) {
            errors.add(new FieldError("file", "is not a PDF (it must start with %PDF-)"));
        }
        return errors;
    }
}
