package fr.cpa.account.declaration;

import fr.cpa.platform.problem.Problem.FieldError;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What the statistics keep of a refused declaration: the kind of mistake, never where or with what value. */
class RejectionReasonsTest {

    @Test
    void theSameMistakeOnManyLinesIsOneReason() {
        List<String> reasons = RejectionReasons.of(List.of(
                new FieldError("employees[3].nir", "is not a valid NIR"),
                new FieldError("employees[42].nir", "is not a valid NIR"),
                new FieldError("employees[7].contract.start", "must be a date (YYYY-MM-DD)")));
        assertEquals(List.of("employees[].nir: is not a valid NIR", "employees[].contract.start: must be a date (YYYY-MM-DD)"),
                reasons);
    }

    @Test
    void indicesInsideMessagesAndNestedArraysAreRemovedToo() {
        assertEquals(List.of("employees[].absences[].kind: is declared twice (also employees[])"),
                RejectionReasons.of(List.of(new FieldError("employees[9].absences[1].kind",
                        "is declared twice (also employees[2])"))));
    }

    @Test
    void headerReasonsAreKeptAsTheyAre() {
        assertEquals(List.of("siret: is not a valid SIRET (14 digits with a Luhn checksum)"),
                RejectionReasons.of(List.of(new FieldError("siret", "is not a valid SIRET (14 digits with a Luhn checksum)"))));
    }

    @Test
    void atMostFiftyDistinctReasonsAreKept() {
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < RejectionReasons.MAX_REASONS + 1; i++) {
            errors.add(new FieldError("field" + (char) ('a' + i % 26) + (i / 26), "wrong"));
        }
        assertEquals(RejectionReasons.MAX_REASONS, RejectionReasons.of(errors).size());
        assertEquals(RejectionReasons.MAX_REASONS, RejectionReasons.of(errors.subList(0, RejectionReasons.MAX_REASONS)).size());
        assertEquals(RejectionReasons.MAX_REASONS - 1,
                RejectionReasons.of(errors.subList(0, RejectionReasons.MAX_REASONS - 1)).size());
    }

    @Test
    void anArrayLiteralQuotesEachReason() {
        assertEquals("{\"a: b\",\"say \\\"no\\\" \\\\ here\"}", RejectionLog.arrayLiteral(List.of("a: b", "say \"no\" \\ here")));
    }
}
