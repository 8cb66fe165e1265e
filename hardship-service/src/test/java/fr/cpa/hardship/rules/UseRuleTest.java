package fr.cpa.hardship.rules;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** DOMAIN.md §2 "Uses" (L4163-7, R4163-12/13). */
class UseRuleTest {

    private static final LocalDate BORN_1975 = LocalDate.of(1975, 6, 1);
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 26);

    private static UseRule.Account account(LocalDate birthDate, int acquired, Map<Use, Integer> used) {
        return new UseRule.Account(birthDate, acquired, used);
    }

    private static UseRule.Account account(LocalDate birthDate, int acquired) {
        return account(birthDate, acquired, Map.of());
    }

    @Test
    void trainingIsWorth25HoursAPointUntil2018() {
        var outcome = UseRule.decide(Use.TRAINING, 3, account(BORN_1975, 30), LocalDate.of(2018, 12, 31));
        assertTrue(outcome.applied());
        assertEquals(3 * 25 * 60, outcome.minutes());
        assertEquals(0, outcome.cents());
    }

    @Test
    void trainingIsWorth375EurosAPointFrom2019ToAugust2023() {
        assertEquals(3 * 375_00, UseRule.decide(Use.TRAINING, 3, account(BORN_1975, 30), LocalDate.of(2019, 1, 1)).cents());
        assertEquals(3 * 375_00, UseRule.decide(Use.TRAINING, 3, account(BORN_1975, 30), LocalDate.of(2023, 8, 31)).cents());
    }

    @Test
    void trainingIsWorth500EurosAPointFromSeptember2023() {
        var outcome = UseRule.decide(Use.TRAINING, 1, account(BORN_1975, 30), LocalDate.of(2023, 9, 1));
        assertEquals(500_00, outcome.cents());
        assertTrue(outcome.explanation().get(0).contains("500 €"), outcome.explanation().toString());
    }

    @Test
    void trainingUsesPointsOneByOne() {
        assertTrue(UseRule.decide(Use.TRAINING, 7, account(BORN_1975, 30), TODAY).applied());
    }

    @Test
    void reconversionExistsFromSeptember2023At500EurosAPoint() {
        var before = UseRule.decide(Use.RECONVERSION, 5, account(BORN_1975, 30), LocalDate.of(2023, 8, 31));
        assertFalse(before.applied());
        assertTrue(before.reasons().get(0).contains("not a use"), before.reasons().toString());
        assertEquals(5 * 500_00, UseRule.decide(Use.RECONVERSION, 5, account(BORN_1975, 30), LocalDate.of(2023, 9, 1)).cents());
    }

    @Test
    void partTimeUsesBlocksOfTenPoints() {
        var account = account(BORN_1975, 100, Map.of(Use.TRAINING, 20));
        assertTrue(UseRule.decide(Use.PART_TIME, 10, account, TODAY).applied());
        assertEquals(2, UseRule.decide(Use.PART_TIME, 20, account, TODAY).quarters());
        assertFalse(UseRule.decide(Use.PART_TIME, 15, account, TODAY).applied());
        assertFalse(UseRule.decide(Use.PART_TIME, 9, account, TODAY).applied());
    }

    @Test
    void partTimeTakesAtMost80PointsBefore60() {
        LocalDate born = LocalDate.of(1967, 11, 27); // 58 on TODAY, turns 60 on 2027-11-27
        var account = account(born, 200, Map.of(Use.TRAINING, 20, Use.PART_TIME, 70));
        assertTrue(UseRule.decide(Use.PART_TIME, 10, account, TODAY).applied());
        var over = UseRule.decide(Use.PART_TIME, 20, account, TODAY);
        assertFalse(over.applied());
        assertTrue(over.reasons().get(0).contains("at most 80"), over.reasons().toString());
        assertFalse(UseRule.decide(Use.PART_TIME, 20, account, LocalDate.of(2027, 11, 26)).applied());
        assertTrue(UseRule.decide(Use.PART_TIME, 20, account, LocalDate.of(2027, 11, 27)).applied());
    }

    @Test
    void retirementQuartersStartAt55() {
        LocalDate born = LocalDate.of(1971, 11, 27); // 55 on 2026-11-27
        var account = account(born, 40, Map.of(Use.TRAINING, 20));
        var early = UseRule.decide(Use.RETIREMENT, 10, account, TODAY);
        assertFalse(early.applied());
        assertTrue(early.reasons().get(0).contains("from age 55"), early.reasons().toString());
        var outcome = UseRule.decide(Use.RETIREMENT, 10, account, LocalDate.of(2026, 11, 27));
        assertTrue(outcome.applied());
        assertEquals(1, outcome.quarters());
    }

    @Test
    void retirementIsTenPointsAQuarterAtMostEightQuarters() {
        LocalDate born = LocalDate.of(1960, 1, 1);
        var fresh = account(born, 200, Map.of(Use.TRAINING, 10));
        assertEquals(8, UseRule.decide(Use.RETIREMENT, 80, fresh, TODAY).quarters());
        assertFalse(UseRule.decide(Use.RETIREMENT, 90, fresh, TODAY).applied());
        assertFalse(UseRule.decide(Use.RETIREMENT, 15, fresh, TODAY).applied());
        var seven = account(born, 200, Map.of(Use.TRAINING, 10, Use.RETIREMENT, 70));
        assertTrue(UseRule.decide(Use.RETIREMENT, 10, seven, TODAY).applied());
        var eight = account(born, 200, Map.of(Use.TRAINING, 10, Use.RETIREMENT, 80));
        var refused = UseRule.decide(Use.RETIREMENT, 10, eight, TODAY);
        assertFalse(refused.applied());
        assertTrue(refused.reasons().get(0).contains("at most 8"), refused.reasons().toString());
    }

    @Test
    void theFirst20PointsAreReservedForTrainingOrReconversionFromThoseBorn1963() {
        var account = account(LocalDate.of(1963, 1, 1), 30);
        assertEquals(20, account.reserved());
        var refused = UseRule.decide(Use.PART_TIME, 20, account, TODAY);
        assertFalse(refused.applied());
        assertTrue(refused.reasons().get(0).contains("reserved"), refused.reasons().toString());
        assertTrue(UseRule.decide(Use.PART_TIME, 10, account, TODAY).applied());
        assertTrue(UseRule.decide(Use.TRAINING, 30, account, TODAY).applied());
        // once 20 points went to training, nothing stays reserved
        var trained = account(LocalDate.of(1963, 1, 1), 40, Map.of(Use.TRAINING, 20));
        assertEquals(0, trained.reserved());
        assertTrue(UseRule.decide(Use.PART_TIME, 20, trained, TODAY).applied());
    }

    @Test
    void tenPointsAreReservedForThoseBorn1960To1962() {
        assertEquals(10, account(LocalDate.of(1960, 1, 1), 30).reserved());
        assertEquals(10, account(LocalDate.of(1962, 12, 31), 30).reserved());
        assertEquals(20, account(LocalDate.of(1963, 1, 1), 30).reserved());
        var account = account(LocalDate.of(1962, 12, 31), 30);
        assertTrue(UseRule.decide(Use.RETIREMENT, 20, account, TODAY).applied());
        assertFalse(UseRule.decide(Use.RETIREMENT, 30, account, TODAY).applied());
    }

    @Test
    void nothingIsReservedForThoseBornBefore1960() {
        assertEquals(0, account(LocalDate.of(1959, 12, 31), 30).reserved());
        assertEquals(10, account(LocalDate.of(1960, 1, 1), 30).reserved());
        assertTrue(UseRule.decide(Use.RETIREMENT, 30, account(LocalDate.of(1959, 12, 31), 30), TODAY).applied());
    }

    @Test
    void reservedPointsCannotExceedTheBalance() {
        assertEquals(12, account(BORN_1975, 12).reserved());
        assertEquals(0, UseRule.usable(account(BORN_1975, 12), TODAY).get(Use.PART_TIME));
    }

    @Test
    void aUseBeyondTheBalanceIsRefusedWithEveryReason() {
        var refused = UseRule.decide(Use.PART_TIME, 15, account(BORN_1975, 12), TODAY);
        assertFalse(refused.applied());
        assertEquals(3, refused.reasons().size(), refused.reasons().toString()); // balance, reserved, block
        assertTrue(refused.reasons().get(0).contains("12 on the account"));
        assertTrue(refused.explanation().isEmpty());
    }

    @Test
    void zeroPointsIsRefused() {
        assertFalse(UseRule.decide(Use.TRAINING, 0, account(BORN_1975, 12), TODAY).applied());
    }

    @Test
    void usableGivesTheLargestApplicableUseOfEachKind() {
        // born 1966: 60 on 2026-03-01; 45 points, 20 reserved
        var account = account(LocalDate.of(1966, 3, 1), 45);
        Map<Use, Integer> usable = UseRule.usable(account, TODAY);
        assertEquals(45, usable.get(Use.TRAINING));
        assertEquals(45, usable.get(Use.RECONVERSION));
        assertEquals(20, usable.get(Use.PART_TIME));
        assertEquals(20, usable.get(Use.RETIREMENT));
    }
}
