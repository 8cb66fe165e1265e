package fr.cpa.e2e;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * Issue 12, scenario 4 (and the summary of scenario 5): a holder with CPF money finds a training in
 * the catalogue, enrols with a strong-authentication token, the organisation accepts, the holder
 * confirms — the CPF holds the price; a second enrolment cancelled early gives its hold back; on the
 * session's first day (the suite's clocks moved there, {@link SuiteClocks}) the organisation declares the
 * entry and the hold is captured. All through the gateway, the saga between catalogue-service and
 * training-rights-service over Kafka.
 */
@ExtendWith(SuiteExtension.class)
class EnrolmentE2ETest {

    private static final long PRICE = 120_000;

    @Test
    void aHolderEnrolsTheOrganisationAcceptsTheHolderConfirmsAndAnEarlyCancellationReleasesItsHold() {
        Funded funded = fundedHolder();
        String holderId = funded.id();
        String holder = funded.token();
        String strongHolder = funded.strongToken();

        // A fresh organisation with a valid Qualiopi certificate publishes an offer with two sessions.
        String siret = Requests.freshSiret();
        String organisation = SuiteExtension.token(Map.of("role", "training-org", "subject", "org-" + siret, "siret", siret));
        String word = "Soudovitrail" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        String offerId = publishedOffer(organisation, siret, word);
        LocalDate firstStart = LocalDate.now().plusDays(60);
        String first = session(organisation, siret, offerId, firstStart);
        String second = session(organisation, siret, offerId, LocalDate.now().plusDays(90));

        // The holder finds it by a word of its title, without a token.
        given().when().get("/api/v1/trainings?q=" + word.toLowerCase())
                .then().statusCode(200).body("items.id", hasItem(offerId));

        // Spending needs a strong login.
        given().auth().oauth2(holder).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(ContentType.JSON).body(Map.of("sessionId", first))
                .when().post("/api/v1/enrolments").then().statusCode(401).contentType("application/problem+json");

        String enrolment = enrol(strongHolder, first);
        awaitState(holder, enrolment, "AWAITING_ORGANISATION");
        cpf(holder, holderId).body("held.amount", equalTo((int) PRICE));

        given().auth().oauth2(organisation).contentType(ContentType.JSON).body("{}")
                .when().post("/api/v1/enrolments/" + enrolment + "/accept").then().statusCode(200);
        given().auth().oauth2(strongHolder).contentType(ContentType.JSON).body("{}")
                .when().post("/api/v1/enrolments/" + enrolment + "/confirm").then().statusCode(200);
        awaitState(holder, enrolment, "VALIDATED");

        // A second enrolment, cancelled by the holder long before its start: its hold comes back in full.
        String cancelled = enrol(strongHolder, second);
        awaitState(holder, cancelled, "AWAITING_ORGANISATION");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> cpf(holder, holderId).body("held.amount", equalTo((int) (2 * PRICE))));
        // cancelling may spend the rights (late) or give them back: the holder's strong login, as to spend
        given().auth().oauth2(strongHolder).contentType(ContentType.JSON).body("{}")
                .when().post("/api/v1/enrolments/" + cancelled + "/cancel").then().statusCode(200);
        awaitState(holder, cancelled, "CANCELLED");
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> cpf(holder, holderId)
                .body("held.amount", equalTo((int) PRICE))
                .body("available.amount", equalTo((int) (300_000 - PRICE))));

        // Scenario 5: the CPA summary shows the money held for the open enrolment.
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() ->
                given().auth().oauth2(holder).when().get("/api/v1/holders/" + holderId + "/summary")
                        .then().statusCode(200).body("cpf.held.amount", equalTo((int) PRICE)));

        // On the first morning of the session (the suite's clocks moved there) the organisation declares
        // the entry into training: the hold is captured, the money is spent and nothing stays held.
        SuiteClocks.moveTo(firstStart.atTime(9, 0).atZone(ZoneId.of("Europe/Paris")).toInstant());
        try {
            given().auth().oauth2(organisation).contentType(ContentType.JSON).body("{}")
                    .when().post("/api/v1/enrolments/" + enrolment + "/start").then().statusCode(200);
            awaitState(holder, enrolment, "IN_TRAINING");
        } finally {
            SuiteClocks.reset();
        }
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> cpf(holder, holderId)
                .body("held.amount", equalTo(0))
                .body("available.amount", equalTo((int) (300_000 - PRICE))));
        given().auth().oauth2(holder).when().get("/api/v1/holders/" + holderId + "/cpf/entries?size=50")
                .then().statusCode(200)
                .body("items.findAll { it.kind == 'CAPTURE' }.enrolmentId", equalTo(List.of(enrolment)));
    }

    /**
     * Issue 8: a crash of either service in the middle of the saga leaves nothing stuck, holds once
     * and leaks no hold. training-rights is killed (SIGKILL) right after a request, catalogue right
     * after a cancellation; each is restarted and the saga finishes.
     */
    @Test
    void aCrashOfEitherServiceMidSagaLeavesNoEnrolmentStuckNoDoubleHoldAndNoLeakedHold() {
        Funded funded = fundedHolder();
        String holderId = funded.id();
        String holder = funded.token();
        String strongHolder = funded.strongToken();
        String siret = Requests.freshSiret();
        String organisation = SuiteExtension.token(Map.of("role", "training-org", "subject", "org-" + siret, "siret", siret));
        String offerId = publishedOffer(organisation, siret, "Crashtest" + ThreadLocalRandom.current().nextInt(100_000, 999_999));
        String sessionId = session(organisation, siret, offerId, LocalDate.now().plusDays(60));

        String enrolment = enrol(strongHolder, sessionId);
        SuiteExtension.stack().killService("training-rights");
        SuiteExtension.stack().startService("training-rights");
        awaitState(holder, enrolment, "AWAITING_ORGANISATION");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> cpf(holder, holderId)
                .body("held.amount", equalTo((int) PRICE))
                .body("available.amount", equalTo((int) (300_000 - PRICE))));

        given().auth().oauth2(strongHolder).contentType(ContentType.JSON).body("{}")
                .when().post("/api/v1/enrolments/" + enrolment + "/cancel").then().statusCode(200);
        SuiteExtension.stack().killService("catalogue");
        SuiteExtension.stack().startService("catalogue");
        awaitState(holder, enrolment, "CANCELLED");
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> cpf(holder, holderId)
                .body("held.amount", equalTo(0))
                .body("available.amount", equalTo(300_000)));
        given().auth().oauth2(SuiteExtension.token("admin", "admin-e2e")).when().get("/api/v1/admin/cpf/invariant")
                .then().statusCode(200);
    }

    private static String publishedOffer(String organisation, String siret, String word) {
        given().auth().oauth2(organisation).contentType(ContentType.JSON)
                .body(Map.of("siret", siret, "name", "Organisme " + siret, "declarationNumber", "76341234534"))
                .when().post("/api/v1/organisations").then().statusCode(201);
        // the certificate is recorded by staff once checked, never on the organisation's word
        given().auth().oauth2(SuiteExtension.token("admin", "admin-e2e")).contentType(ContentType.JSON)
                .body(Map.of("certificate", "QUALIOPI-" + siret, "validUntil", LocalDate.now().plusYears(2).toString()))
                .when().put("/api/v1/organisations/" + siret + "/qualiopi").then().statusCode(200);
        String offerId = given().auth().oauth2(organisation).contentType(ContentType.JSON)
                .body(Map.ofEntries(Map.entry("number", siret + "_E2E"), Map.entry("title", word + " : soudure et vitrail"),
                        Map.entry("objective", "Souder le plomb"), Map.entry("content", "Vitrail au plomb"),
                        Map.entry("certificationType", "RS"), Map.entry("certificationCode", "RS6204"),
                        Map.entry("certificationTitle", "Tosa Photoshop"), Map.entry("formacodes", List.of("46006")),
                        Map.entry("romeCodes", List.of("E1205")), Map.entry("durationMinutes", 1260),
                        Map.entry("price", Map.of("amount", PRICE, "currency", "EUR")), Map.entry("modality", "ON_SITE"),
                        Map.entry("departmentCode", "34")))
                .when().post("/api/v1/organisations/" + siret + "/offers").then().statusCode(201).extract().path("id");
        given().auth().oauth2(organisation).when().post("/api/v1/organisations/" + siret + "/offers/" + offerId + "/publish")
                .then().statusCode(200);
        return offerId;
    }

    /** A registered holder with 3 000 € of CPF money (a regional top-up), their token and a strong one. */
    record Funded(String id, String token, String strongToken) {
    }

    private static Funded fundedHolder() {
        String holderId = RightsReachTheCpfE2ETest.registerHolder(HolderRegistrationE2ETest.nir());
        String holder = SuiteExtension.token("holder", holderId);
        topUp(holderId, 300_000);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> cpf(holder, holderId).body("available.amount", equalTo(300_000)));
        return new Funded(holderId, holder, SuiteExtension.token(Map.of("role", "holder", "subject", holderId, "acr", "substantial")));
    }

    private static String enrol(String strongHolder, String sessionId) {
        return given().auth().oauth2(strongHolder).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(ContentType.JSON).body(Map.of("sessionId", sessionId))
                .when().post("/api/v1/enrolments").then().statusCode(201).extract().path("id");
    }

    private static void awaitState(String holder, String enrolment, String state) {
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() ->
                given().auth().oauth2(holder).when().get("/api/v1/enrolments/" + enrolment)
                        .then().statusCode(200).body("state", equalTo(state)));
    }

    private static String session(String organisation, String siret, String offerId, LocalDate start) {
        return given().auth().oauth2(organisation).contentType(ContentType.JSON)
                .body(Map.of("startDate", start.toString(), "endDate", start.plusDays(4).toString(), "seats", 12,
                        "place", "Salle 1", "departmentCode", "34", "remote", false))
                .when().post("/api/v1/organisations/" + siret + "/offers/" + offerId + "/sessions")
                .then().statusCode(201).extract().path("id");
    }

    private static void topUp(String holderId, long cents) {
        given().auth().oauth2(SuiteExtension.token("admin", "admin-e2e")).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(ContentType.JSON)
                .body(Map.of("kind", "VOLUNTARY", "amount", Map.of("amount", cents, "currency", "EUR"), "funderType", "REGION"))
                .when().post("/api/v1/holders/" + holderId + "/cpf/top-ups").then().statusCode(201);
    }

    private static ValidatableResponse cpf(String holder, String holderId) {
        return given().auth().oauth2(holder).when().get("/api/v1/holders/" + holderId + "/cpf").then().statusCode(200);
    }
}
