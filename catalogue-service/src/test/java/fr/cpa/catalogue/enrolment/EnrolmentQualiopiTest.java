package fr.cpa.catalogue.enrolment;

import fr.cpa.catalogue.support.Enrolments;
import fr.cpa.catalogue.support.Enrolments.Session;
import fr.cpa.catalogue.support.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import static fr.cpa.catalogue.support.Enrolments.awaitState;
import static fr.cpa.catalogue.support.Enrolments.get;
import static fr.cpa.catalogue.support.Enrolments.holder;
import static fr.cpa.catalogue.support.Enrolments.org;
import static fr.cpa.catalogue.support.Enrolments.requested;
import static fr.cpa.catalogue.support.Enrolments.strongHolder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Only an organisation holding a Qualiopi certificate valid that day is paid with the CPF (L6316-1): checked
 * when the holder asks, when the organisation accepts and when it declares the entry into training, not only
 * when the offer was published, since the certificate may lapse in between.
 */
@QuarkusTest
class EnrolmentQualiopiTest {

    @AfterEach
    void realTime() {
        TestClock.reset();
    }

    @Test
    void aRequestIsRefusedOnceTheCertificateHasExpiredThoughTheOfferIsStillPublished() {
        TestClock.setDay(LocalDate.of(2027, 6, 1));
        Session s = Enrolments.session(LocalDate.of(2027, 9, 6), "34", Map.of(), LocalDate.of(2027, 6, 30));
        // its expiry day is still in time
        TestClock.setDay(LocalDate.of(2027, 6, 30));
        requested(UUID.randomUUID(), s);

        TestClock.setDay(LocalDate.of(2027, 7, 1));
        Enrolments.request(UUID.randomUUID(), s.sessionId()).statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("https://cpa.local/problems/organisation-not-certified"))
                .body("detail", containsString("expired on 2027-06-30"));
    }

    @Test
    void anOrganisationWhoseCertificateLapsedCannotAcceptUntilStaffRecordsANewOne() {
        TestClock.setDay(LocalDate.of(2027, 6, 1));
        Session s = Enrolments.session(LocalDate.of(2027, 9, 6), "34", Map.of(), LocalDate.of(2027, 6, 1));
        UUID h = UUID.randomUUID();
        String id = reserved(h, s);

        // Wednesday 2 June, within the 2 working days to answer, but the certificate ended on the 1st
        TestClock.setDay(LocalDate.of(2027, 6, 2));
        org(s, id, "accept").statusCode(422).body("type", containsString("organisation-not-certified"));
        get(strongHolder(h), id).body("state", equalTo("AWAITING_ORGANISATION"));

        Enrolments.certify(s.siret(), LocalDate.of(2030, 6, 1));
        org(s, id, "accept").statusCode(200).body("state", equalTo("ACCEPTED"));
    }

    @Test
    void theEntryIntoTrainingIsRefusedWhenTheCertificateLapsedAfterTheConfirmation() {
        TestClock.setDay(LocalDate.of(2027, 6, 1));
        // valid until Friday 2 July, the session starts on Monday 5 July
        Session s = Enrolments.session(LocalDate.of(2027, 7, 5), "34", Map.of(), LocalDate.of(2027, 7, 2));
        UUID h = UUID.randomUUID();
        String id = reserved(h, s);
        org(s, id, "accept").statusCode(200);
        holder(h, id, "confirm").statusCode(200).body("state", equalTo("VALIDATED"));

        TestClock.setDay(LocalDate.of(2027, 7, 5));
        org(s, id, "start").statusCode(422).body("type", containsString("organisation-not-certified"));
        get(strongHolder(h), id).body("state", equalTo("VALIDATED")).body("startedOn", nullValue());
        assertEquals(0, Enrolments.count(id, "EnrolmentStarted"), "no capture for an uncertified organisation");

        Enrolments.certify(s.siret(), LocalDate.of(2030, 7, 1));
        org(s, id, "start").statusCode(200).body("state", equalTo("IN_TRAINING"));
    }

    private static String reserved(UUID holder, Session s) {
        String id = requested(holder, s);
        Enrolments.fundsReserved(holder, id, 120000, 0);
        awaitState(holder, id, "AWAITING_ORGANISATION");
        return id;
    }
}
