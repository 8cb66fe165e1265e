package fr.cpa.account.payslip;

import fr.cpa.platform.problem.Problem.FieldError;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 4 "Payslips": a PDF, checked by its magic bytes, of at most 5 MB. */
class PayslipRulesTest {

    static final byte[] PDF = "%PDF-1.7".getBytes(StandardCharsets.US_ASCII);
    static final YearMonth NOW = YearMonth.of(2026, 11);

    static List<String> fields(List<FieldError> errors) {
        return errors.stream().map(FieldError::field).toList();
    }

    @Test
    void aPdfStartsWithPercentPdfDash() {
        assertTrue(PayslipRules.isPdf(PDF));
        assertFalse(PayslipRules.isPdf("%PDF".getBytes(StandardCharsets.US_ASCII)));
        assertFalse(PayslipRules.isPdf("PK\u0003\u0004".getBytes(StandardCharsets.US_ASCII)), "a zip");
        assertFalse(PayslipRules.isPdf(null));
    }

    @Test
    void fiveMegabytesIsTheLimit() {
        assertEquals(List.of(), PayslipRules.check("255081416802538", "73282932000074", "2025-03", 195000L, 250000L,
                5L * 1024 * 1024, PDF, NOW));
        assertEquals(List.of("file"), fields(PayslipRules.check("255081416802538", "73282932000074", "2025-03",
                195000L, 250000L, 5L * 1024 * 1024 + 1, PDF, NOW)));
    }

    @Test
    void everyBadFieldIsNamed() {
        assertEquals(List.of("nir", "siret", "period", "netPay", "grossPay", "file"), fields(PayslipRules.check(
                "255081416802537", "73282932000075", "2025-13", -1L, null, 10L, "GIF89a".getBytes(StandardCharsets.US_ASCII), NOW)));
    }

    @Test
    void netPayCannotExceedGrossAndTheMonthIsNotInTheFuture() {
        assertEquals(List.of("netPay"), fields(PayslipRules.check("255081416802538", "73282932000074", "2026-11",
                250001L, 250000L, 100L, PDF, NOW)));
        assertEquals(List.of("period"), fields(PayslipRules.check("255081416802538", "73282932000074", "2026-12",
                1L, 2L, 100L, PDF, NOW)));
        assertEquals(List.of("period"), fields(PayslipRules.check("255081416802538", "73282932000074", "2014-12",
                1L, 2L, 100L, PDF, NOW)));
    }
}
