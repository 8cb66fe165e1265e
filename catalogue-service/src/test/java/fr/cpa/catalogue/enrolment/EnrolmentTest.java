package fr.cpa.catalogue.enrolment;

import com.fasterxml.jackson.databind.JsonNode;
import fr.cpa.catalogue.support.Enrolments;
import fr.cpa.catalogue.support.Enrolments.Session;
import fr.cpa.catalogue.support.Fixtures;
import fr.cpa.catalogue.support.TestClock;
import fr.cpa.platform.contract.Topics;
import fr.cpa.testing.TestEvents;
import fr.cpa.testing.TestKafka;
import fr.cpa.testing.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import static fr.cpa.catalogue.support.Enrolments.awaitState;
import static fr.cpa.catalogue.support.Enrolments.event;
import static fr.cpa.catalogue.support.Enrolments.get;
import static fr.cpa.catalogue.support.Enrolments.holder;
import static fr.cpa.catalogue.support.Enrolments.org;
import static fr.cpa.catalogue.support.Enrolments.requested;
import static fr.cpa.catalogue.support.Enrolments.strongHolder;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Enrolments through the API with the real PostgreSQL and Kafka: the saga with training-rights (whose
 * funding events the tests send themselves), the lifecycle of DOMAIN.md §4, the deadlines crossed by
 * moving the clock, and who may do what.
 */
@QuarkusTest
class EnrolmentTest {

    @Inject
    EnrolmentSweep sweep;
    @Inject
    AgroalDataSource dataSource;

    @AfterEach
    void realTime() {
        TestClock.reset();
    }

    // --- the saga -----------------------------------------------------------------------------------

    @Test
    void happyPathFromRequestToServiceDoneWithTheSagaEvents() throws Exception {
        TestClock.setDay(LocalDate.of(2027, 6, 1));
        Session s = Enrolments.session(LocalDate.of(2027, 7, 5), "34", Map.of("certificationType", "RNCP",
                "certificationCode", "RNCP34126", "price", Map.of("amount", 150000, "currency", "EUR")));
        UUID holder = UUID.randomUUID();
        // the holder is a job seeker since March (cpa.holder.v1), which the request tells training-rights
        TestKafka.send(Topics.HOLDER, holder.toString(), TestEvents.envelope(UUID.randomUUID(), "HolderStatusChanged",
                "account-service", holder, """
                        {"holderId":"%s","status":"JOB_SEEKER","category":null,"from":"2027-03-01","to":null}""".formatted(holder)));
        await().atMost(Duration.ofSeconds(60)).until(() -> situations(holder) == 1);

        String id = Enrolments.request(holder, s.sessionId()).statusCode(201)
                .header("Location", containsString("/api/v1/enrolments/"))
                .body("state", equalTo("REQUESTED"))
                .body("price.amount", equalTo(150000))
                .body("jobSeeker", equalTo(true))
                .body("region", equalTo("76"))
                .extract().path("id");
        JsonNode requested = event(id, "EnrolmentRequested").path("data");
        assertEquals(holder.toString(), requested.path("holderId").asText());
        assertEquals(s.offerId(), requested.path("offerId").asText());
        assertEquals("RNCP", requested.path("certificationType").asText());
        assertEquals("RNCP34126", requested.path("certificationCode").asText());
        assertEquals(150000, requested.path("price").path("amount").asLong());
        assertEquals("2027-07-05", requested.path("startDate").asText());
        assertTrue(requested.path("jobSeeker").asBoolean());
        assertEquals(0, requested.path("employerCoFunding").path("amount").asLong());

        Enrolments.fundsReserved(holder, id, 150000, 0);
        awaitState(holder, id, "AWAITING_ORGANISATION");
        // reserved Tuesday 1 June 2027: the organisation answers by Thursday 3
        get(strongHolder(holder), id).body("deadline", equalTo("2027-06-03")).body("funding.held.amount", equalTo(150000));

        org(s, id, "accept").statusCode(200).body("state", equalTo("ACCEPTED")).body("deadline", equalTo("2027-06-07"));
        holder(holder, id, "confirm").statusCode(200).body("state", equalTo("VALIDATED"))
                // entry declared within 3 working days of Monday 5 July
                .body("deadline", equalTo("2027-07-08"));
        org(s, id, "start").statusCode(409).body("type", containsString("not-started"));

        TestClock.setDay(LocalDate.of(2027, 7, 5));
        org(s, id, "start").statusCode(200).body("state", equalTo("IN_TRAINING"));
        JsonNode started = event(id, "EnrolmentStarted").path("data");
        assertEquals("2027-07-05", started.path("date").asText());
        Enrolments.fundsSettled(holder, id, "FundsCaptured", 150000);
        await().atMost(Duration.ofSeconds(60)).until(() ->
                Integer.valueOf(150000).equals(get(strongHolder(holder), id).extract().path("funding.captured.amount")));

        TestClock.setDay(LocalDate.of(2027, 7, 9));
        org(s, id, "end").statusCode(200).body("state", equalTo("ENDED"));
        org(s, id, "complete").statusCode(200).body("state", equalTo("SERVICE_DONE")).body("completedOn", equalTo("2027-07-09"));
        assertEquals("2027-07-09", event(id, "EnrolmentCompleted").path("data").path("date").asText());

        given().auth().oauth2(strongHolder(holder)).when().get("/api/v1/holders/" + holder + "/enrolments")
                .then().statusCode(200).body("items", hasSize(1)).body("items[0].id", equalTo(id));
    }

    @Test
    void fundsRefusedRefusesTheEnrolmentWithTheReasonShownToTheHolder() {
        TestClock.setDay(LocalDate.of(2027, 6, 1));
        Session s = Enrolments.session(LocalDate.of(2027, 9, 6), "75", Map.of());
        UUID holder = UUID.randomUUID();
        String id = requested(holder, s);
        Enrolments.fundsRefused(holder, id, "INSUFFICIENT_RIGHTS", "Vos droits (350,00 €) ne couvrent pas le prix (1 200,00 €).");
        awaitState(holder, id, "REFUSED");
        get(strongHolder(holder), id).statusCode(200)
                .body("closedBy", equalTo("TRAINING_RIGHTS"))
                .body("reason", equalTo("INSUFFICIENT_RIGHTS"))
                .body("reasonDetail", equalTo("Vos droits (350,00 €) ne couvrent pas le prix (1 200,00 €)."));
        org(s, id, "accept").statusCode(409);
    }

    @Test
    void redeliveredFundingEventsAreAppliedOnce() throws Exception {
        TestClock.setDay(LocalDate.of(2027, 6, 1));
        Session s = Enrolments.session(LocalDate.of(2027, 9, 6), "69", Map.of());
        UUID holder = UUID.randomUUID();
        String id = requested(holder, s);
        String reserved = Enrolments.fundsReserved(holder, id, 120000, 10000);
        awaitState(holder, id, "AWAITING_ORGANISATION");
        TestKafka.send(Topics.FUNDING, holder.toString(), reserved);
        String released = Enrolments.fundsSettled(holder, id, "FundsReleased", 120000);
        TestKafka.send(Topics.FUNDING, holder.toString(), released);
        // a marker after the redeliveries: once it is applied, the redeliveries have been consumed
        Enrolments.fundsSettled(holder, id, "FundsCaptured", 1);
        await().atMost(Duration.ofSeconds(60)).until(() ->
                Integer.valueOf(1).equals(get(strongHolder(holder), id).extract().path("funding.captured.amount")));
        get(strongHolder(holder), id).body("funding.released.amount", equalTo(120000))
                .body("funding.held.amount", equalTo(120000)).body("funding.coPayment.amount", equalTo(10000))
                .body("state", equalTo("AWAITING_ORGANISATION"));
        assertEquals(3, fundingEvents(id), "FundsReserved, FundsReleased and the marker, each once");
    }

    // --- cancellations at each stage, with the right re-credit ---------------------------------------------

    @Test
    void cancellationAtEachStageCarriesTheRightRecredit() {
        TestClock.setDay(LocalDate.of(2027, 6, 1));
        Session s = Enrolments.session(LocalDate.of(2027, 7, 5), "33", Map.of());

        UUID h1 = UUID.randomUUID();
        String requestedOnly = requested(h1, s);
        holder(h1, requestedOnly, "cancel").statusCode(200).body("state", equalTo("CANCELLED"))
                .body("closedBy", equalTo("HOLDER")).body("fullRecredit", equalTo(true));
        assertTrue(event(requestedOnly, "EnrolmentCancelled").path("data").path("fullRecredit").asBoolean());

        UUID h2 = UUID.randomUUID();
        String awaiting = reservedEnrolment(h2, s);
        holder(h2, awaiting, "cancel").statusCode(200).body("fullRecredit", equalTo(true));

        UUID h3 = UUID.randomUUID();
        String accepted = reservedEnrolment(h3, s);
        org(s, accepted, "accept").statusCode(200);
        org(s, accepted, "cancel").statusCode(200).body("closedBy", equalTo("ORGANISATION")).body("fullRecredit", equalTo(true));
        assertTrue(event(accepted, "EnrolmentCancelled").path("data").path("fullRecredit").asBoolean());

        UUID h4 = UUID.randomUUID();
        String early = validatedEnrolment(h4, s);
        // Tuesday 1 June, start Monday 5 July: far more than 7 working days
        holder(h4, early, "cancel").statusCode(200).body("fullRecredit", equalTo(true));

        UUID h5 = UUID.randomUUID();
        String late = validatedEnrolment(h5, s);
        // Monday 28 June: 29, 30 June, 1, 2 July = 4 working days before the start → not in full
        TestClock.setDay(LocalDate.of(2027, 6, 28));
        holder(h5, late, "cancel").statusCode(200).body("fullRecredit", equalTo(false));
        JsonNode cancelled = event(late, "EnrolmentCancelled").path("data");
        assertFalse(cancelled.path("fullRecredit").asBoolean());
        assertEquals("2027-06-28", cancelled.path("date").asText());

        // a closed enrolment cannot be cancelled again, nor started
        holder(h5, late, "cancel").statusCode(409).body("type", containsString("transition-not-allowed"));
        org(s, late, "start").statusCode(409);
    }

    @Test
    void refusalByTheOrganisationIsPublishedWithItsReason() {
        TestClock.setDay(LocalDate.of(2027, 6, 1));
        Session s = Enrolments.session(LocalDate.of(2027, 9, 6), "13", Map.of());
        UUID holder = UUID.randomUUID();
        String id = reservedEnrolment(holder, s);
        org(s, id, "refuse").statusCode(200).body("state", equalTo("REFUSED")).body("reason", equalTo("Session complète"));
        assertEquals("Session complète", event(id, "EnrolmentRefused").path("data").path("reason").asText());
        given().auth().oauth2(Fixtures.org(s.siret())).contentType(ContentType.JSON).body(Map.of())
                .when().post("/api/v1/enrolments/" + id + "/refuse").then().statusCode(400)
                .body("errors[0].field", containsString("reason"));
    }

    @Test
    void aReasonOf500CharactersIsKeptAndOneOf501IsRefusedNamingTheField() {
        TestClock.setDay(LocalDate.of(2027, 6, 1));
        Session s = Enrolments.session(LocalDate.of(2027, 9, 6), "13", Map.of());
        String longest = "Session reportée faute de participants. ".repeat(13).substring(0, 500);
        String tooLong = longest + "x";

        UUID h1 = UUID.randomUUID();
        String refused = reservedEnrolment(h1, s);
        given().auth().oauth2(Fixtures.org(s.siret())).contentType(ContentType.JSON).body(Map.of("reason", tooLong))
                .when().post("/api/v1/enrolments/" + refused + "/refuse").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", contains("reason"));
        given().auth().oauth2(Fixtures.org(s.siret())).contentType(ContentType.JSON).body(Map.of("reason", longest))
                .when().post("/api/v1/enrolments/" + refused + "/refuse").then().statusCode(200)
                .body("state", equalTo("REFUSED")).body("reason", equalTo(longest));
        get(strongHolder(h1), refused).body("reason", equalTo(longest));
        assertEquals(longest, event(refused, "EnrolmentRefused").path("data").path("reason").asText());

        UUID h2 = UUID.randomUUID();
        String cancelled = reservedEnrolment(h2, s);
        given().auth().oauth2(strongHolder(h2)).contentType(ContentType.JSON).body(Map.of("reason", tooLong))
                .when().post("/api/v1/enrolments/" + cancelled + "/cancel").then().statusCode(400)
                .body("errors.field", contains("reason"));
        given().auth().oauth2(strongHolder(h2)).contentType(ContentType.JSON).body(Map.of("reason", longest))
                .when().post("/api/v1/enrolments/" + cancelled + "/cancel").then().statusCode(200)
                .body("state", equalTo("CANCELLED")).body("reason", equalTo(longest));
        get(strongHolder(h2), cancelled).body("reason", equalTo(longest));
    }

    @Test
    void transitionsOutOfOrderAreRefused() {
        TestClock.setDay(LocalDate.of(2027, 6, 1));
        Session s = Enrolments.session(LocalDate.of(2027, 9, 6), "31", Map.of());
        UUID holder = UUID.randomUUID();
        String id = requested(holder, s);
        org(s, id, "accept").statusCode(409).body("type", containsString("transition-not-allowed"));
        holder(holder, id, "confirm").statusCode(409);
        org(s, id, "end").statusCode(409);
        org(s, id, "complete").statusCode(409);
        org(s, id, "cancel").statusCode(409);
        get(strongHolder(holder), id).body("state", equalTo("REQUESTED"));
    }

    // --- deadlines crossed by moving the clock ------------------------------------------------------------

    @Test
    void organisationDeadlineAcrossEasterMondayCancelsAndReleases() {
        // funds reserved Friday 26 March 2027; Monday 29 is Easter Monday → Tuesday 30, Wednesday 31
        TestClock.setDay(LocalDate.of(2027, 3, 26));
        Session s = Enrolments.session(LocalDate.of(2027, 9, 6), "2A", Map.of());
        UUID holder = UUID.randomUUID();
        String id = reservedEnrolment(holder, s);
        get(strongHolder(holder), id).body("deadline", equalTo("2027-03-31"));

        TestClock.setDay(LocalDate.of(2027, 3, 31));
        sweep.sweep();
        get(strongHolder(holder), id).body("state", equalTo("AWAITING_ORGANISATION"));

        TestClock.setDay(LocalDate.of(2027, 4, 1));
        sweep.sweep();
        get(strongHolder(holder), id).body("state", equalTo("CANCELLED")).body("closedBy", equalTo("DEADLINE"))
                .body("reason", equalTo("ORGANISATION_DID_NOT_ANSWER")).body("fullRecredit", equalTo(true));
        JsonNode cancelled = event(id, "EnrolmentCancelled").path("data");
        assertTrue(cancelled.path("fullRecredit").asBoolean());
        assertEquals("ORGANISATION_DID_NOT_ANSWER", cancelled.path("reason").asText());
    }

    @Test
    void organisationHasThirtyWorkingDaysWhenTheOfferHasPrerequisites() {
        // reserved Friday 26 March 2027: 30 working days (Easter Monday, 1 May a Saturday, 6 May Ascension) → Tuesday 11 May
        TestClock.setDay(LocalDate.of(2027, 3, 26));
        Session s = Enrolments.session(LocalDate.of(2027, 9, 6), "35", Map.of("prerequisites", true));
        UUID holder = UUID.randomUUID();
        String id = reservedEnrolment(holder, s);
        get(strongHolder(holder), id).body("deadline", equalTo("2027-05-11"));
        TestClock.setDay(LocalDate.of(2027, 5, 11));
        sweep.sweep();
        get(strongHolder(holder), id).body("state", equalTo("AWAITING_ORGANISATION"));
        TestClock.setDay(LocalDate.of(2027, 5, 12));
        sweep.sweep();
        get(strongHolder(holder), id).body("state", equalTo("CANCELLED"));
    }

    @Test
    void holderDeadlineAcross14JulyCancelsAndReleases() {
        // accepted Friday 9 July 2027: Monday 12, Tuesday 13, (Wednesday 14 July), Thursday 15, Friday 16
        TestClock.setDay(LocalDate.of(2027, 7, 9));
        Session s = Enrolments.session(LocalDate.of(2027, 10, 4), "67", Map.of());
        UUID holder = UUID.randomUUID();
        String id = reservedEnrolment(holder, s);
        org(s, id, "accept").statusCode(200).body("deadline", equalTo("2027-07-16"));

        TestClock.setDay(LocalDate.of(2027, 7, 16));
        sweep.sweep();
        get(strongHolder(holder), id).body("state", equalTo("ACCEPTED"));

        TestClock.setDay(LocalDate.of(2027, 7, 19));
        sweep.sweep();
        get(strongHolder(holder), id).body("state", equalTo("CANCELLED"))
                .body("reason", equalTo("HOLDER_DID_NOT_CONFIRM")).body("fullRecredit", equalTo(true));
        assertEquals("HOLDER_DID_NOT_CONFIRM", event(id, "EnrolmentCancelled").path("data").path("reason").asText());
        holder(holder, id, "confirm").statusCode(409);
    }

    @Test
    void aLateAnswerOfTheOrganisationIsRefusedAndTheRequestExpiresWithoutWaitingForTheSweep() {
        // reserved Tuesday 1 June 2027: the organisation answers by Thursday 3
        TestClock.setDay(LocalDate.of(2027, 6, 1));
        Session s = Enrolments.session(LocalDate.of(2027, 9, 6), "34", Map.of());
        UUID h1 = UUID.randomUUID();
        UUID h2 = UUID.randomUUID();
        String accepted = reservedEnrolment(h1, s);
        String refused = reservedEnrolment(h2, s);

        TestClock.setDay(LocalDate.of(2027, 6, 4));
        org(s, accepted, "accept").statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("https://cpa.local/problems/deadline-passed"))
                .body("detail", containsString("2027-06-03"));
        org(s, refused, "refuse").statusCode(409).body("type", containsString("deadline-passed"));
        for (var late : Map.of(h1, accepted, h2, refused).entrySet()) {
            // cancelled as the sweep would have cancelled it: by the deadline, the hold released in full
            get(strongHolder(late.getKey()), late.getValue()).body("state", equalTo("CANCELLED"))
                    .body("closedBy", equalTo("DEADLINE")).body("reason", equalTo("ORGANISATION_DID_NOT_ANSWER"))
                    .body("fullRecredit", equalTo(true)).body("closedOn", equalTo("2027-06-04"));
            JsonNode cancelled = event(late.getValue(), "EnrolmentCancelled").path("data");
            assertEquals("ORGANISATION_DID_NOT_ANSWER", cancelled.path("reason").asText());
            assertTrue(cancelled.path("fullRecredit").asBoolean());
        }
        assertEquals(0, Enrolments.count(refused, "EnrolmentRefused"));
    }

    @Test
    void aLateConfirmationIsRefusedAndTheProposalExpires() {
        // accepted Tuesday 1 June 2027: the holder confirms by Monday 7
        TestClock.setDay(LocalDate.of(2027, 6, 1));
        Session s = Enrolments.session(LocalDate.of(2027, 9, 6), "34", Map.of());
        UUID holder = UUID.randomUUID();
        String id = reservedEnrolment(holder, s);
        org(s, id, "accept").statusCode(200).body("deadline", equalTo("2027-06-07"));

        TestClock.setDay(LocalDate.of(2027, 6, 8));
        holder(holder, id, "confirm").statusCode(409).body("type", containsString("deadline-passed"));
        get(strongHolder(holder), id).body("state", equalTo("CANCELLED")).body("closedBy", equalTo("DEADLINE"))
                .body("reason", equalTo("HOLDER_DID_NOT_CONFIRM")).body("validatedOn", nullValue());
        assertEquals("HOLDER_DID_NOT_CONFIRM", event(id, "EnrolmentCancelled").path("data").path("reason").asText());
    }

    @Test
    void aLateEntryIsRefusedAndNothingIsCapturedNorChargedToTheHolder() {
        // start Monday 5 July 2027: the entry is declared by Thursday 8
        TestClock.setDay(LocalDate.of(2027, 6, 1));
        Session s = Enrolments.session(LocalDate.of(2027, 7, 5), "34", Map.of());
        UUID h1 = UUID.randomUUID();
        UUID h2 = UUID.randomUUID();
        String started = validatedEnrolment(h1, s);
        String cancelled = validatedEnrolment(h2, s);

        TestClock.setDay(LocalDate.of(2027, 7, 9));
        org(s, started, "start").statusCode(409).body("type", containsString("deadline-passed"));
        // the holder's cancellation this late would not be re-credited in full; the organisation's silence is
        // what ended it, so it expires in full instead
        holder(h2, cancelled, "cancel").statusCode(409).body("type", containsString("deadline-passed"));
        get(strongHolder(h1), started).body("state", equalTo("CANCELLED")).body("reason", equalTo("ENTRY_NOT_DECLARED"))
                .body("startedOn", nullValue()).body("fullRecredit", equalTo(true));
        get(strongHolder(h2), cancelled).body("state", equalTo("CANCELLED")).body("closedBy", equalTo("DEADLINE"))
                .body("reason", equalTo("ENTRY_NOT_DECLARED")).body("fullRecredit", equalTo(true));
        assertTrue(event(started, "EnrolmentCancelled").path("data").path("fullRecredit").asBoolean());
        assertEquals(0, Enrolments.count(started, "EnrolmentStarted"));
    }

    @Test
    void fundsNotAnsweredInTimeAreCancelledAndALateAnswerChangesNothing() {
        LocalDate day = LocalDate.of(2027, 6, 1);
        TestClock.setDay(day);
        Session s = Enrolments.session(LocalDate.of(2027, 9, 6), "59", Map.of());
        UUID holder = UUID.randomUUID();
        String id = requested(holder, s);
        java.time.Instant requestedAt = TestClock.now();

        TestClock.set(requestedAt.plus(Duration.ofMinutes(59)));
        sweep.sweep();
        get(strongHolder(holder), id).body("state", equalTo("REQUESTED"));

        TestClock.set(requestedAt.plus(Duration.ofMinutes(61)));
        sweep.sweep();
        get(strongHolder(holder), id).body("state", equalTo("CANCELLED")).body("reason", equalTo("FUNDS_NOT_ANSWERED"));
        assertTrue(event(id, "EnrolmentCancelled").path("data").path("fullRecredit").asBoolean());

        // training-rights answers late: recorded, the enrolment stays cancelled (the cancellation releases the hold)
        Enrolments.fundsReserved(holder, id, 120000, 0);
        await().atMost(Duration.ofSeconds(60)).until(() -> fundingEvents(id) == 1);
        get(strongHolder(holder), id).body("state", equalTo("CANCELLED")).body("funding.held", nullValue());
    }

    // --- who may do what ----------------------------------------------------------------------------------

    @Test
    void aPurchaseWithoutSubstantialAcrIsRefusedWith401() {
        TestClock.setDay(LocalDate.of(2027, 6, 1));
        Session s = Enrolments.session(LocalDate.of(2027, 9, 6), "44", Map.of());
        UUID holder = UUID.randomUUID();
        for (String token : new String[]{TestTokens.holder(holder), TestTokens.token("holder", holder.toString()).acr("low").sign()}) {
            given().auth().oauth2(token).header("Idempotency-Key", UUID.randomUUID().toString())
                    .contentType(ContentType.JSON).body(Map.of("sessionId", s.sessionId()))
                    .when().post("/api/v1/enrolments").then().statusCode(401)
                    .contentType("application/problem+json")
                    .body("type", containsString("strong-authentication-required"))
                    .body("detail", containsString("substantial"));
        }
        given().contentType(ContentType.JSON).body(Map.of("sessionId", s.sessionId()))
                .when().post("/api/v1/enrolments").then().statusCode(401);
        given().auth().oauth2(strongHolder(holder)).when().get("/api/v1/holders/" + holder + "/enrolments")
                .then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void confirmationWithoutSubstantialAcrIsRefused() {
        TestClock.setDay(LocalDate.of(2027, 6, 1));
        Session s = Enrolments.session(LocalDate.of(2027, 9, 6), "21", Map.of());
        UUID holder = UUID.randomUUID();
        String id = reservedEnrolment(holder, s);
        org(s, id, "accept").statusCode(200);
        given().auth().oauth2(TestTokens.holder(holder)).when().post("/api/v1/enrolments/" + id + "/confirm")
                .then().statusCode(401);
        get(strongHolder(holder), id).body("state", equalTo("ACCEPTED"));
    }

    @Test
    void aHoldersCancellationWithoutSubstantialAcrIsRefusedWith401() {
        // a week before the start a holder's cancellation spends the hold: it is asked like a purchase
        TestClock.setDay(LocalDate.of(2027, 6, 1));
        Session s = Enrolments.session(LocalDate.of(2027, 7, 5), "21", Map.of());
        UUID holder = UUID.randomUUID();
        String id = validatedEnrolment(holder, s);
        TestClock.setDay(LocalDate.of(2027, 6, 28));
        for (String token : new String[]{TestTokens.holder(holder), TestTokens.token("holder", holder.toString()).acr("low").sign()}) {
            given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of())
                    .when().post("/api/v1/enrolments/" + id + "/cancel").then().statusCode(401)
                    .contentType("application/problem+json")
                    .body("type", containsString("strong-authentication-required"));
        }
        get(strongHolder(holder), id).body("state", equalTo("VALIDATED"));
        holder(holder, id, "cancel").statusCode(200).body("state", equalTo("CANCELLED")).body("fullRecredit", equalTo(false));
    }

    @Test
    void theIdempotencyKeyReplaysTheFirstAnswerAndIsRequired() {
        TestClock.setDay(LocalDate.of(2027, 6, 1));
        Session s = Enrolments.session(LocalDate.of(2027, 9, 6), "38", Map.of());
        UUID holder = UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        String first = given().auth().oauth2(strongHolder(holder)).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(Map.of("sessionId", s.sessionId())).when().post("/api/v1/enrolments")
                .then().statusCode(201).extract().path("id");
        given().auth().oauth2(strongHolder(holder)).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(Map.of("sessionId", s.sessionId())).when().post("/api/v1/enrolments")
                .then().statusCode(201).header("Idempotency-Replayed", "true").body("id", equalTo(first));
        given().auth().oauth2(strongHolder(holder)).contentType(ContentType.JSON)
                .body(Map.of("sessionId", s.sessionId())).when().post("/api/v1/enrolments")
                .then().statusCode(400);
        // a second request for the same session with a new key: already enrolled
        Enrolments.request(holder, s.sessionId()).statusCode(409).body("type", containsString("already-enrolled"));
        given().auth().oauth2(strongHolder(holder)).when().get("/api/v1/holders/" + holder + "/enrolments")
                .then().body("items", hasSize(1));
    }

    @Test
    void aSessionTooSoonForTheWithdrawalPeriodOrAnUnknownOneIsRefused() {
        TestClock.setDay(LocalDate.of(2027, 6, 1));
        // 11 working days from Tuesday 1 June 2027 end on Wednesday 16 June
        Session soon = Enrolments.session(LocalDate.of(2027, 6, 16), "34", Map.of());
        UUID holder = UUID.randomUUID();
        Enrolments.request(holder, soon.sessionId()).statusCode(422).body("type", containsString("session-too-soon"));
        Enrolments.request(holder, UUID.randomUUID().toString()).statusCode(400).body("errors[0].field", equalTo("sessionId"));
        given().auth().oauth2(strongHolder(holder)).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(ContentType.JSON).body(Map.of()).when().post("/api/v1/enrolments")
                .then().statusCode(400).body("errors[0].field", containsString("sessionId"));
    }

    @Test
    void anOrganisationActingOnAnotherOrganisationsEnrolmentIsRefused() {
        TestClock.setDay(LocalDate.of(2027, 6, 1));
        Session s = Enrolments.session(LocalDate.of(2027, 9, 6), "34", Map.of());
        Session other = Enrolments.session(LocalDate.of(2027, 9, 6), "34", Map.of());
        UUID holder = UUID.randomUUID();
        String id = reservedEnrolment(holder, s);
        for (String action : new String[]{"accept", "refuse", "start", "end", "complete", "cancel"}) {
            org(other, id, action).statusCode(403);
        }
        get(Fixtures.org(other.siret()), id).statusCode(403);
        get(Fixtures.org(s.siret()), id).statusCode(200).body("siret", equalTo(s.siret()));
        get(strongHolder(holder), id).body("state", equalTo("AWAITING_ORGANISATION"));
    }

    @Test
    void anotherHolderCannotReadNorActOnAnEnrolment() {
        TestClock.setDay(LocalDate.of(2027, 6, 1));
        Session s = Enrolments.session(LocalDate.of(2027, 9, 6), "34", Map.of());
        UUID holder = UUID.randomUUID();
        UUID intruder = UUID.randomUUID();
        String id = reservedEnrolment(holder, s);
        org(s, id, "accept").statusCode(200);
        get(strongHolder(intruder), id).statusCode(403);
        given().auth().oauth2(strongHolder(intruder)).when().get("/api/v1/holders/" + holder + "/enrolments").then().statusCode(403);
        holder(intruder, id, "confirm").statusCode(403);
        holder(intruder, id, "cancel").statusCode(403);
        // a holder cannot play the organisation
        given().auth().oauth2(strongHolder(holder)).when().post("/api/v1/enrolments/" + id + "/accept").then().statusCode(403);
        get(TestTokens.role("advisor", "advisor-1"), id).statusCode(200);
        get(strongHolder(holder), id).body("state", equalTo("ACCEPTED"));
    }

    // --- helpers -------------------------------------------------------------------------------------------

    private String reservedEnrolment(UUID holder, Session s) {
        String id = requested(holder, s);
        Enrolments.fundsReserved(holder, id, 120000, 10270);
        awaitState(holder, id, "AWAITING_ORGANISATION");
        return id;
    }

    private String validatedEnrolment(UUID holder, Session s) {
        String id = reservedEnrolment(holder, s);
        org(s, id, "accept").statusCode(200);
        holder(holder, id, "confirm").statusCode(200).body("state", equalTo("VALIDATED"));
        return id;
    }

    private long situations(UUID holder) throws Exception {
        return count("select count(*) from holder_situation where holder_id = ?", holder);
    }

    private long fundingEvents(String enrolmentId) throws Exception {
        return count("select count(*) from enrolment_funding_event where enrolment_id = ?", UUID.fromString(enrolmentId));
    }

    private long count(String sql, UUID id) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
