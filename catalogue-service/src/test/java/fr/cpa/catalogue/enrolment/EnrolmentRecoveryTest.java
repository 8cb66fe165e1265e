package fr.cpa.catalogue.enrolment;

import fr.cpa.catalogue.support.Enrolments;
import fr.cpa.catalogue.support.Enrolments.Session;
import fr.cpa.catalogue.support.TestClock;
import fr.cpa.platform.contract.Topics;
import fr.cpa.testing.TestEvents;
import fr.cpa.testing.TestKafka;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import static fr.cpa.catalogue.support.Enrolments.get;
import static fr.cpa.catalogue.support.Enrolments.org;
import static fr.cpa.catalogue.support.Enrolments.strongHolder;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What keeps the saga from getting stuck: the entry deadline, a broker outage in the middle of a request,
 * and a funding event nobody can apply.
 */
@QuarkusTest
class EnrolmentRecoveryTest {

    @Inject
    EnrolmentSweep sweep;

    @AfterEach
    void realTime() {
        TestClock.reset();
    }

    @Test
    void anEntryNotDeclaredWithinThreeWorkingDaysOfTheStartIsCancelledInFull() {
        TestClock.setDay(LocalDate.of(2027, 6, 1));
        // start Friday 9 July 2027: Monday 12, Tuesday 13, (14 July), Thursday 15 → deadline Thursday 15
        Session s = Enrolments.session(LocalDate.of(2027, 7, 9), "34", Map.of());
        UUID holder = UUID.randomUUID();
        String id = Enrolments.requested(holder, s);
        Enrolments.fundsReserved(holder, id, 120000, 0);
        Enrolments.awaitState(holder, id, "AWAITING_ORGANISATION");
        org(s, id, "accept").statusCode(200);
        Enrolments.holder(holder, id, "confirm").statusCode(200).body("deadline", equalTo("2027-07-15"));

        TestClock.setDay(LocalDate.of(2027, 7, 15));
        sweep.sweep();
        get(strongHolder(holder), id).body("state", equalTo("VALIDATED"));

        TestClock.setDay(LocalDate.of(2027, 7, 16));
        sweep.sweep();
        get(strongHolder(holder), id).body("state", equalTo("CANCELLED")).body("reason", equalTo("ENTRY_NOT_DECLARED"))
                .body("fullRecredit", equalTo(true));
        assertTrue(Enrolments.event(id, "EnrolmentCancelled").path("data").path("fullRecredit").asBoolean());
        org(s, id, "start").statusCode(409);
    }

    @Test
    void aRequestMadeWhileTheBrokerIsDownReachesTrainingRightsOnceItIsBack() {
        TestClock.setDay(LocalDate.of(2027, 6, 1));
        Session s = Enrolments.session(LocalDate.of(2027, 9, 6), "34", Map.of());
        UUID holder = UUID.randomUUID();
        String id;
        TestKafka.stop();
        try {
            // the request and its event are written together; the event waits in the outbox
            id = Enrolments.requested(holder, s);
            get(strongHolder(holder), id).body("state", equalTo("REQUESTED"));
        } finally {
            TestKafka.start();
        }
        Enrolments.event(id, "EnrolmentRequested");
        assertEquals(1, Enrolments.count(id, "EnrolmentRequested"), "published exactly once when the broker is back");
        Enrolments.fundsReserved(holder, id, 120000, 0);
        Enrolments.awaitState(holder, id, "AWAITING_ORGANISATION");
    }

    @Test
    void aFundingEventForAnUnknownEnrolmentGoesToTheDeadLetterTopic() {
        UUID holder = UUID.randomUUID();
        String unknown = UUID.randomUUID().toString();
        String envelope = TestEvents.envelope(UUID.randomUUID(), "FundsReserved", "training-rights-service", holder, """
                {"enrolmentId":"%s","holderId":"%s","heldByPot":{},"remainderDueByHolder":%s,"coPayment":%s}"""
                .formatted(unknown, holder, Enrolments.money(0), Enrolments.money(0)));
        TestKafka.send(Topics.FUNDING, holder.toString(), envelope);
        var dead = TestKafka.records(Topics.deadLetter(Topics.FUNDING), Duration.ofSeconds(90), r -> r.value().contains(unknown));
        assertFalse(dead.isEmpty());
        assertEquals(1, dead.stream().filter(r -> r.value().contains(unknown)).count());
    }
}
