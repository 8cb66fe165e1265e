package fr.cpa.catalogue.rules;

import fr.cpa.catalogue.rules.EnrolmentLifecycle.Action;
import fr.cpa.catalogue.rules.EnrolmentLifecycle.Decision;
import fr.cpa.catalogue.rules.EnrolmentLifecycle.Facts;
import fr.cpa.catalogue.rules.EnrolmentLifecycle.State;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The enrolment lifecycle of DOMAIN.md §4: every transition allowed and every one refused, and the deadlines. */
class EnrolmentLifecycleTest {

    /** A session far ahead, so that date conditions never interfere with the table of transitions. */
    static final LocalDate TODAY = LocalDate.of(2026, 12, 1);
    static final Facts FACTS = new Facts(TODAY, LocalDate.of(2027, 3, 1), false);

    /** The expected table, written out independently of the implementation's. */
    static final Map<State, Map<Action, State>> EXPECTED = Map.of(
            State.REQUESTED, Map.of(Action.FUNDS_RESERVED, State.AWAITING_ORGANISATION, Action.FUNDS_REFUSED, State.REFUSED,
                    Action.CANCEL_BY_HOLDER, State.CANCELLED, Action.EXPIRE, State.CANCELLED),
            State.AWAITING_ORGANISATION, Map.of(Action.ACCEPT, State.ACCEPTED, Action.REFUSE, State.REFUSED,
                    Action.CANCEL_BY_HOLDER, State.CANCELLED, Action.EXPIRE, State.CANCELLED),
            State.ACCEPTED, Map.of(Action.CONFIRM, State.VALIDATED, Action.CANCEL_BY_HOLDER, State.CANCELLED,
                    Action.CANCEL_BY_ORGANISATION, State.CANCELLED, Action.EXPIRE, State.CANCELLED),
            State.VALIDATED, Map.of(Action.START, State.IN_TRAINING, Action.CANCEL_BY_HOLDER, State.CANCELLED,
                    Action.CANCEL_BY_ORGANISATION, State.CANCELLED, Action.EXPIRE, State.CANCELLED),
            State.IN_TRAINING, Map.of(Action.END, State.ENDED),
            State.ENDED, Map.of(Action.COMPLETE, State.SERVICE_DONE));

    static Stream<Arguments> allowedTransitions() {
        List<Arguments> list = new ArrayList<>();
        EXPECTED.forEach((from, actions) -> actions.forEach((action, to) -> list.add(Arguments.of(from, action, to))));
        return list.stream();
    }

    static Stream<Arguments> refusedTransitions() {
        List<Arguments> list = new ArrayList<>();
        for (State s : State.values()) {
            for (Action a : Action.values()) {
                if (!EXPECTED.getOrDefault(s, Map.of()).containsKey(a)) {
                    list.add(Arguments.of(s, a));
                }
            }
        }
        return list.stream();
    }

    @ParameterizedTest(name = "{0} --{1}--> {2}")
    @MethodSource("allowedTransitions")
    void everyAllowedTransitionLeadsToItsState(State from, Action action, State to) {
        LocalDate today = action == Action.START ? FACTS.startDate() : TODAY;
        Decision d = EnrolmentLifecycle.decide(from, action, new Facts(today, FACTS.startDate(), false));
        assertTrue(d.allowed(), () -> String.valueOf(d.refusal()));
        assertEquals(to, d.outcome().next());
    }

    @ParameterizedTest(name = "{0} refuses {1}")
    @MethodSource("refusedTransitions")
    void everyOtherTransitionIsRefused(State from, Action action) {
        Decision d = EnrolmentLifecycle.decide(from, action, FACTS);
        assertFalse(d.allowed());
        assertEquals("transition-not-allowed", d.refusal().code());
    }

    @Test
    void terminalStatesAllowNothing() {
        for (State s : EnumSet.of(State.REFUSED, State.CANCELLED, State.SERVICE_DONE)) {
            assertTrue(s.terminal());
            assertEquals(Set.of(), EnrolmentLifecycle.allowed(s));
        }
    }

    // --- deadlines, each on both sides, across a weekend and a public holiday -------------------------

    @Test
    void organisationHasTwoWorkingDaysAcrossAWeekend() {
        // funds reserved Thursday 3 December 2026: Friday 4, Monday 7 → deadline Monday 7
        LocalDate deadline = reserve(LocalDate.of(2026, 12, 3), false);
        assertEquals(LocalDate.of(2026, 12, 7), deadline);
        assertFalse(EnrolmentLifecycle.overdue(State.AWAITING_ORGANISATION, deadline, LocalDate.of(2026, 12, 7)));
        assertTrue(EnrolmentLifecycle.overdue(State.AWAITING_ORGANISATION, deadline, LocalDate.of(2026, 12, 8)));
    }

    @Test
    void organisationHasTwoWorkingDaysAcrossEasterMonday() {
        // funds reserved Friday 3 April 2026: Tuesday 7 (Easter Monday 6), Wednesday 8
        LocalDate deadline = reserve(LocalDate.of(2026, 4, 3), false);
        assertEquals(LocalDate.of(2026, 4, 8), deadline);
        assertFalse(EnrolmentLifecycle.overdue(State.AWAITING_ORGANISATION, deadline, LocalDate.of(2026, 4, 8)));
        assertTrue(EnrolmentLifecycle.overdue(State.AWAITING_ORGANISATION, deadline, LocalDate.of(2026, 4, 9)));
    }

    @Test
    void organisationHasThirtyWorkingDaysWhenTheOfferHasPrerequisites() {
        // from Friday 3 July 2026: 30 working days, 14 July skipped → Monday 17 August (15 August a Saturday)
        LocalDate deadline = reserve(LocalDate.of(2026, 7, 3), true);
        assertEquals(LocalDate.of(2026, 8, 17), deadline);
        assertFalse(EnrolmentLifecycle.overdue(State.AWAITING_ORGANISATION, deadline, LocalDate.of(2026, 8, 17)));
        assertTrue(EnrolmentLifecycle.overdue(State.AWAITING_ORGANISATION, deadline, LocalDate.of(2026, 8, 18)));
    }

    @Test
    void holderHasFourWorkingDaysAcross14July() {
        // accepted Friday 10 July 2026: Monday 13, (14 July), Wednesday 15, Thursday 16, Friday 17
        Decision d = EnrolmentLifecycle.decide(State.AWAITING_ORGANISATION, Action.ACCEPT,
                new Facts(LocalDate.of(2026, 7, 10), LocalDate.of(2026, 10, 5), false));
        LocalDate deadline = d.outcome().deadline();
        assertEquals(LocalDate.of(2026, 7, 17), deadline);
        assertFalse(EnrolmentLifecycle.overdue(State.ACCEPTED, deadline, LocalDate.of(2026, 7, 17)));
        assertTrue(EnrolmentLifecycle.overdue(State.ACCEPTED, deadline, LocalDate.of(2026, 7, 18)));
    }

    @Test
    void holderHasFourWorkingDaysAcrossAWeekend() {
        // accepted Wednesday 2 December 2026: Thursday 3, Friday 4, Monday 7, Tuesday 8
        Decision d = EnrolmentLifecycle.decide(State.AWAITING_ORGANISATION, Action.ACCEPT,
                new Facts(LocalDate.of(2026, 12, 2), LocalDate.of(2027, 3, 1), false));
        assertEquals(LocalDate.of(2026, 12, 8), d.outcome().deadline());
    }

    @Test
    void confirmationNeedsTheWithdrawalPeriodToEndBeforeTheStart() {
        // confirmed Friday 3 April 2026: 11 working days (Easter Monday skipped) end Tuesday 21 April
        LocalDate today = LocalDate.of(2026, 4, 3);
        assertEquals(LocalDate.of(2026, 4, 21), WorkingDays.plus(today, 11));
        Decision tooSoon = EnrolmentLifecycle.decide(State.ACCEPTED, Action.CONFIRM, new Facts(today, LocalDate.of(2026, 4, 21), false));
        assertFalse(tooSoon.allowed());
        assertEquals("withdrawal-period", tooSoon.refusal().code());
        Decision inTime = EnrolmentLifecycle.decide(State.ACCEPTED, Action.CONFIRM, new Facts(today, LocalDate.of(2026, 4, 22), false));
        assertTrue(inTime.allowed());
        // entry declared within 3 working days of the start: Wednesday 22 → Monday 27 April
        assertEquals(LocalDate.of(2026, 4, 27), inTime.outcome().deadline());
    }

    @Test
    void entryIsDeclaredFromTheStartDateOn() {
        LocalDate start = LocalDate.of(2027, 3, 1);
        assertFalse(EnrolmentLifecycle.decide(State.VALIDATED, Action.START, new Facts(start.minusDays(1), start, false)).allowed());
        assertTrue(EnrolmentLifecycle.decide(State.VALIDATED, Action.START, new Facts(start, start, false)).allowed());
    }

    @Test
    void pastTheDeadlineEveryActionButTheExpiryIsRefused() {
        LocalDate deadline = LocalDate.of(2026, 12, 3);
        for (State s : EnumSet.of(State.AWAITING_ORGANISATION, State.ACCEPTED, State.VALIDATED)) {
            for (Action a : EnrolmentLifecycle.allowed(s)) {
                // the deadline day itself is still in time
                LocalDate start = s == State.VALIDATED ? LocalDate.of(2026, 12, 1) : LocalDate.of(2027, 3, 1);
                assertTrue(EnrolmentLifecycle.decide(s, a, new Facts(deadline, start, false, deadline)).allowed(), s + " " + a);
                Decision late = EnrolmentLifecycle.decide(s, a, new Facts(deadline.plusDays(1), start, false, deadline));
                if (a == Action.EXPIRE) {
                    assertTrue(late.allowed(), s.name());
                } else {
                    assertFalse(late.allowed(), s + " " + a);
                    assertEquals(EnrolmentLifecycle.DEADLINE_PASSED, late.refusal().code(), s + " " + a);
                    assertTrue(late.refusal().detail().contains("2026-12-03"), late.refusal().detail());
                }
            }
        }
        // an action the state does not allow is refused as such, late or not
        assertEquals("transition-not-allowed", EnrolmentLifecycle.decide(State.ACCEPTED, Action.START,
                new Facts(deadline.plusDays(1), deadline, false, deadline)).refusal().code());
    }

    @Test
    void aPassedDeadlineIsNotOverdueInATerminalStateOrWithoutDeadline() {
        assertFalse(EnrolmentLifecycle.overdue(State.CANCELLED, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 6, 1)));
        assertFalse(EnrolmentLifecycle.overdue(State.IN_TRAINING, null, LocalDate.of(2026, 6, 1)));
    }

    // --- re-credit on cancellation ---------------------------------------------------------------

    @Test
    void holderCancellationBeforeValidationRecreditsInFullEvenOnTheEve() {
        LocalDate start = LocalDate.of(2027, 3, 1);
        for (State s : EnumSet.of(State.REQUESTED, State.AWAITING_ORGANISATION, State.ACCEPTED)) {
            Decision d = EnrolmentLifecycle.decide(s, Action.CANCEL_BY_HOLDER, new Facts(start.minusDays(1), start, false));
            assertEquals(Boolean.TRUE, d.outcome().fullRecredit(), s.name());
        }
    }

    @Test
    void holderCancellationAfterValidationRecreditsInFullOnlyMoreThanSevenWorkingDaysBeforeTheStart() {
        // start Wednesday 22 July 2026; 14 July (Tuesday) is not a working day
        LocalDate start = LocalDate.of(2026, 7, 22);
        // Thursday 9 July: 10, 13, 15, 16, 17, 20, 21 = 7 working days strictly between → not more than 7
        assertEquals(7, WorkingDays.between(LocalDate.of(2026, 7, 9), start));
        assertEquals(Boolean.FALSE, cancelValidated(LocalDate.of(2026, 7, 9), start));
        // Wednesday 8 July: 9 more = 8 → full
        assertEquals(8, WorkingDays.between(LocalDate.of(2026, 7, 8), start));
        assertEquals(Boolean.TRUE, cancelValidated(LocalDate.of(2026, 7, 8), start));
    }

    @Test
    void organisationCancellationAndExpiryAlwaysRecreditInFull() {
        LocalDate start = LocalDate.of(2027, 3, 1);
        Facts eve = new Facts(start.minusDays(1), start, false);
        assertEquals(Boolean.TRUE, EnrolmentLifecycle.decide(State.VALIDATED, Action.CANCEL_BY_ORGANISATION, eve).outcome().fullRecredit());
        assertEquals(Boolean.TRUE, EnrolmentLifecycle.decide(State.VALIDATED, Action.EXPIRE, eve).outcome().fullRecredit());
        assertEquals(Boolean.TRUE, EnrolmentLifecycle.decide(State.REQUESTED, Action.EXPIRE, eve).outcome().fullRecredit());
        assertNull(EnrolmentLifecycle.decide(State.AWAITING_ORGANISATION, Action.REFUSE, eve).outcome().fullRecredit());
    }

    @Test
    void everyWaitingStateHasAnExpiryReason() {
        for (State s : EnumSet.of(State.REQUESTED, State.AWAITING_ORGANISATION, State.ACCEPTED, State.VALIDATED)) {
            assertTrue(EnrolmentLifecycle.expiryReason(s).isPresent(), s.name());
            assertTrue(EnrolmentLifecycle.allowed(s).contains(Action.EXPIRE), s.name());
        }
    }

    private static LocalDate reserve(LocalDate today, boolean prerequisites) {
        return EnrolmentLifecycle.decide(State.REQUESTED, Action.FUNDS_RESERVED,
                new Facts(today, LocalDate.of(2027, 3, 1), prerequisites)).outcome().deadline();
    }

    private static Boolean cancelValidated(LocalDate today, LocalDate start) {
        return EnrolmentLifecycle.decide(State.VALIDATED, Action.CANCEL_BY_HOLDER, new Facts(today, start, false))
                .outcome().fullRecredit();
    }
}
