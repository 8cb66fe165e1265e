package fr.cpa.catalogue.rules;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The legal lifecycle of an enrolment (DOMAIN.md §4) as a plain state machine with working-day deadlines:
 *
 * <pre>
 * REQUESTED ─FundsReserved→ AWAITING_ORGANISATION ─accept→ ACCEPTED ─confirm→ VALIDATED ─start→ IN_TRAINING
 *     │ FundsRefused → REFUSED          │ refuse → REFUSED      (4 wd)     (withdrawal 11 wd)   ─end→ ENDED
 *     │                                 │ (2 wd, 30 with prerequisites)                          ─complete→ SERVICE_DONE
 * cancel (holder, organisation where allowed) or a passed deadline → CANCELLED
 * </pre>
 *
 * Every state that waits on someone has a deadline, so no enrolment waits forever: the funds' answer
 * (a configured time, checked by the caller), the organisation's answer, the holder's confirmation and
 * the declaration of entry into training. Past a deadline only the expiry may happen, whoever acts first:
 * the sweep, or the late party, whose action is refused ({@link #DEADLINE_PASSED}).
 */
public final class EnrolmentLifecycle {

    public enum State {
        REQUESTED, AWAITING_ORGANISATION, ACCEPTED, VALIDATED, IN_TRAINING, ENDED, SERVICE_DONE, REFUSED, CANCELLED;

        public boolean terminal() {
            return this == SERVICE_DONE || this == REFUSED || this == CANCELLED;
        }
    }

    public enum Action {
        FUNDS_RESERVED, FUNDS_REFUSED, ACCEPT, REFUSE, CONFIRM, START, END, COMPLETE,
        CANCEL_BY_HOLDER, CANCEL_BY_ORGANISATION, EXPIRE
    }

    /**
     * What the rule needs to know: the day it acts, the session's start, the offer's prerequisites and the
     * current state's deadline (null when the state waits on nobody, or on the funds' answer).
     */
    public record Facts(LocalDate today, LocalDate startDate, boolean prerequisites, LocalDate deadline) {

        /** Facts of a state without a deadline. */
        public Facts(LocalDate today, LocalDate startDate, boolean prerequisites) {
            this(today, startDate, prerequisites, null);
        }
    }

    /** The refusal's code when the awaited party acts after its deadline: the enrolment expires instead. */
    public static final String DEADLINE_PASSED = "deadline-passed";

    /**
     * A transition's result: the next state, the deadline of that state (null when it waits on nobody)
     * and, for a cancellation, whether the rights come back in full.
     */
    public record Outcome(State next, LocalDate deadline, Boolean fullRecredit) {
    }

    /** A refused transition: a stable code and a sentence for people. */
    public record Refusal(String code, String detail) {
    }

    /** Either an outcome or a refusal. */
    public record Decision(Outcome outcome, Refusal refusal) {
        public boolean allowed() {
            return outcome != null;
        }
    }

    static final Map<State, Map<Action, State>> TRANSITIONS = new EnumMap<>(State.class);

    static {
        allow(State.REQUESTED, Action.FUNDS_RESERVED, State.AWAITING_ORGANISATION);
        allow(State.REQUESTED, Action.FUNDS_REFUSED, State.REFUSED);
        allow(State.REQUESTED, Action.CANCEL_BY_HOLDER, State.CANCELLED);
        allow(State.REQUESTED, Action.EXPIRE, State.CANCELLED);
        allow(State.AWAITING_ORGANISATION, Action.ACCEPT, State.ACCEPTED);
        allow(State.AWAITING_ORGANISATION, Action.REFUSE, State.REFUSED);
        allow(State.AWAITING_ORGANISATION, Action.CANCEL_BY_HOLDER, State.CANCELLED);
        allow(State.AWAITING_ORGANISATION, Action.EXPIRE, State.CANCELLED);
        allow(State.ACCEPTED, Action.CONFIRM, State.VALIDATED);
        allow(State.ACCEPTED, Action.CANCEL_BY_HOLDER, State.CANCELLED);
        allow(State.ACCEPTED, Action.CANCEL_BY_ORGANISATION, State.CANCELLED);
        allow(State.ACCEPTED, Action.EXPIRE, State.CANCELLED);
        allow(State.VALIDATED, Action.START, State.IN_TRAINING);
        allow(State.VALIDATED, Action.CANCEL_BY_HOLDER, State.CANCELLED);
        allow(State.VALIDATED, Action.CANCEL_BY_ORGANISATION, State.CANCELLED);
        allow(State.VALIDATED, Action.EXPIRE, State.CANCELLED);
        allow(State.IN_TRAINING, Action.END, State.ENDED);
        allow(State.ENDED, Action.COMPLETE, State.SERVICE_DONE);
    }

    private static void allow(State from, Action action, State to) {
        TRANSITIONS.computeIfAbsent(from, s -> new EnumMap<>(Action.class)).put(action, to);
    }

    private EnrolmentLifecycle() {
    }

    /** The actions allowed from a state (whatever the dates). */
    public static Set<Action> allowed(State state) {
        Map<Action, State> map = TRANSITIONS.get(state);
        return map == null ? EnumSet.noneOf(Action.class) : EnumSet.copyOf(map.keySet());
    }

    /** Decides {@code action} on an enrolment in {@code state}. */
    public static Decision decide(State state, Action action, Facts facts) {
        State next = TRANSITIONS.getOrDefault(state, Map.of()).get(action);
        if (next == null) {
            return refused("transition-not-allowed", "an enrolment " + state + " cannot take the action " + action);
        }
        // a deadline binds at once, not when the sweep next passes: past it, only the expiry may happen
        if (action != Action.EXPIRE && overdue(state, facts.deadline(), facts.today())) {
            return refused(DEADLINE_PASSED, "the deadline of an enrolment " + state + " was " + facts.deadline()
                    + ": it expires (" + expiryReason(state).orElse("DEADLINE") + ") instead of taking the action " + action);
        }
        EnrolmentParameters p = EnrolmentParameters.on(facts.today());
        LocalDate today = facts.today();
        return switch (action) {
            case FUNDS_RESERVED -> ok(next, WorkingDays.plus(today,
                    facts.prerequisites() ? p.organisationAnswerWithPrerequisitesDays() : p.organisationAnswerDays()), null);
            case ACCEPT -> ok(next, WorkingDays.plus(today, p.holderConfirmationDays()), null);
            case CONFIRM -> {
                // the training may start only once the withdrawal period is over
                LocalDate withdrawalEnds = WorkingDays.plus(today, p.withdrawalDays());
                if (!withdrawalEnds.isBefore(facts.startDate())) {
                    yield refused("withdrawal-period", "the session starts on " + facts.startDate()
                            + ", before the " + p.withdrawalDays() + " working days of withdrawal end (" + withdrawalEnds + ")");
                }
                yield ok(next, WorkingDays.plus(facts.startDate(), p.entryDeclarationDays()), null);
            }
            case START -> today.isBefore(facts.startDate())
                    ? refused("not-started", "the session starts on " + facts.startDate())
                    : ok(next, null, null);
            case CANCEL_BY_HOLDER -> ok(next, null, holderCancellationRecreditsInFull(state, today, facts.startDate()));
            // the holder is not at fault: what was held comes back in full
            case CANCEL_BY_ORGANISATION, EXPIRE, FUNDS_REFUSED, REFUSE, END, COMPLETE ->
                    ok(next, null, action == Action.CANCEL_BY_ORGANISATION || action == Action.EXPIRE ? Boolean.TRUE : null);
        };
    }

    /**
     * Before validation the rights are not committed, so a cancellation gives everything back; after it,
     * only a cancellation more than 7 working days before the start does (DOMAIN.md §4): counted as the
     * working days strictly between the day of cancellation and the start.
     */
    public static boolean holderCancellationRecreditsInFull(State state, LocalDate today, LocalDate startDate) {
        if (state == State.REQUESTED || state == State.AWAITING_ORGANISATION || state == State.ACCEPTED) {
            return true;
        }
        return WorkingDays.between(today, startDate) > EnrolmentParameters.on(today).fullRecreditMoreThanDays();
    }

    /** Whether a deadline has passed on {@code today}: the deadline day itself is still in time. */
    public static boolean overdue(State state, LocalDate deadline, LocalDate today) {
        return !state.terminal() && deadline != null && today.isAfter(deadline);
    }

    /** Why an enrolment expires in a state: the reason code carried by the cancellation. */
    public static Optional<String> expiryReason(State state) {
        return switch (state) {
            case REQUESTED -> Optional.of("FUNDS_NOT_ANSWERED");
            case AWAITING_ORGANISATION -> Optional.of("ORGANISATION_DID_NOT_ANSWER");
            case ACCEPTED -> Optional.of("HOLDER_DID_NOT_CONFIRM");
            case VALIDATED -> Optional.of("ENTRY_NOT_DECLARED");
            default -> Optional.empty();
        };
    }

    private static Decision ok(State next, LocalDate deadline, Boolean fullRecredit) {
        return new Decision(new Outcome(next, deadline, fullRecredit), null);
    }

    private static Decision refused(String code, String detail) {
        return new Decision(null, new Refusal(code, detail));
    }
}
