package fr.cpa.platform.contract;

import java.util.Map;

/**
 * Every event type of EVENTS.md with its topic and data class: one place to look an event up, and
 * what the test of the {@code docs/events/} examples checks them against.
 */
public final class EventCatalogue {

    /** An event type's topic and the record its {@code data} reads into. */
    public record Entry(String topic, Class<?> data) {
    }

    public static final Map<String, Entry> BY_TYPE = Map.ofEntries(
            Map.entry(HolderRegistered.TYPE, new Entry(Topics.HOLDER, HolderRegistered.class)),
            Map.entry(HolderStatusChanged.TYPE, new Entry(Topics.HOLDER, HolderStatusChanged.class)),
            Map.entry(HolderSkillsUpdated.TYPE, new Entry(Topics.HOLDER, HolderSkillsUpdated.class)),
            Map.entry(HolderIdentityActivated.TYPE, new Entry(Topics.HOLDER, HolderIdentityActivated.class)),
            Map.entry(ActivityDeclared.TYPE, new Entry(Topics.ACTIVITY, ActivityDeclared.class)),
            Map.entry(ActivityWithdrawn.TYPE, new Entry(Topics.ACTIVITY, ActivityWithdrawn.class)),
            Map.entry(ExposureDeclared.TYPE, new Entry(Topics.EXPOSURE, ExposureDeclared.class)),
            Map.entry(ExposureWithdrawn.TYPE, new Entry(Topics.EXPOSURE, ExposureWithdrawn.class)),
            Map.entry(CpfCredited.TYPE, new Entry(Topics.CPF, CpfCredited.class)),
            Map.entry(CpfMovement.DEBITED, new Entry(Topics.CPF, CpfMovement.class)),
            Map.entry(CpfMovement.HOLD_CHANGED, new Entry(Topics.CPF, CpfMovement.class)),
            Map.entry(FundsReserved.TYPE, new Entry(Topics.FUNDING, FundsReserved.class)),
            Map.entry(FundsRefused.TYPE, new Entry(Topics.FUNDING, FundsRefused.class)),
            Map.entry(FundsSettled.CAPTURED, new Entry(Topics.FUNDING, FundsSettled.class)),
            Map.entry(FundsSettled.RELEASED, new Entry(Topics.FUNDING, FundsSettled.class)),
            Map.entry(C2pPointsAwarded.TYPE, new Entry(Topics.C2P, C2pPointsAwarded.class)),
            Map.entry(C2pPointsConverted.TYPE, new Entry(Topics.C2P, C2pPointsConverted.class)),
            Map.entry(C2pPointsUsed.TYPE, new Entry(Topics.C2P, C2pPointsUsed.class)),
            Map.entry(CecCredited.TYPE, new Entry(Topics.CEC, CecCredited.class)),
            Map.entry(EnrolmentRequested.TYPE, new Entry(Topics.ENROLMENT, EnrolmentRequested.class)),
            Map.entry(EnrolmentTransition.STARTED, new Entry(Topics.ENROLMENT, EnrolmentTransition.class)),
            Map.entry(EnrolmentTransition.CANCELLED, new Entry(Topics.ENROLMENT, EnrolmentTransition.class)),
            Map.entry(EnrolmentTransition.REFUSED, new Entry(Topics.ENROLMENT, EnrolmentTransition.class)),
            Map.entry(EnrolmentTransition.COMPLETED, new Entry(Topics.ENROLMENT, EnrolmentTransition.class)));

    private EventCatalogue() {
    }
}
