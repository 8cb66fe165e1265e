package fr.cpa.e2e;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

/**
 * Issue 12, scenarios 1 and 3: a year of rights lived on a suite started today, by moving the services'
 * clocks ({@link SuiteClocks}). Runs after the faults test (so that every 2025 declaration of the other
 * scenarios is in before the one yearly run of 2025) and before the batteries, which may create runs.
 */
@ExtendWith(SuiteExtension.class)
@Order(Integer.MAX_VALUE - 3)
class AYearOfRightsE2ETest {

    /** 151.67 h a month, read as 9 100 minutes: a year of reference is 12 × 9 100 min = 1 820 h. */
    private static final double FULL_TIME = 151.67;

    @AfterEach
    void timeGoesBackToToday() {
        SuiteClocks.reset();
    }

    /**
     * Scenario 1: an employer declares 2025 month by month for a full-time employee (500 €), a part-timer
     * below half time (pro rata, rounded up to the cent) and a low-qualified full-timer (800 €), replaces
     * one month before the run (the run uses the corrected figure) and one after it (a CORRECTION entry).
     * DOMAIN.md §1: "euros era for employees (≥ half the reference → full credit; below → pro rata
     * rounded up to the cent)", low-qualified 800 €.
     */
    @Test
    void anEmployersYearOfDeclarationsIsCreditedByTheYearlyRunAndCorrectedAfterIt() {
        String fullTimer = HolderRegistrationE2ETest.nir();
        String partTimer = HolderRegistrationE2ETest.nir();
        String lowQualified = HolderRegistrationE2ETest.nir();
        String fullTimerId = RightsReachTheCpfE2ETest.registerHolder(fullTimer);
        String partTimerId = RightsReachTheCpfE2ETest.registerHolder(partTimer);
        String lowQualifiedId = RightsReachTheCpfE2ETest.registerHolder(lowQualified);

        // February 2025: the third employee declares having no level-3 diploma; it applies from 1 January 2025.
        SuiteClocks.moveTo(Instant.parse("2025-02-03T09:00:00Z"));
        given().auth().oauth2(SuiteExtension.token("holder", lowQualifiedId)).contentType(ContentType.JSON)
                .when().post("/api/v1/holders/" + lowQualifiedId + "/low-qualified")
                .then().statusCode(201).body("from", equalTo("2025-01-01"));

        // January 2026: the twelve months of 2025, then December replaced (the part-timer worked 30 h, not 60 h).
        SuiteClocks.moveTo(Instant.parse("2026-01-12T09:00:00Z"));
        String siret = Requests.freshSiret();
        String employer = SuiteExtension.token(Map.of("role", "employer", "subject", "payroll-" + siret, "siret", siret));
        for (int month = 1; month <= 12; month++) {
            declare(employer, siret, month, fullTimer, partTimer, lowQualified, 60);
        }
        declare(employer, siret, 12, fullTimer, partTimer, lowQualified, 30);
        SuiteExtension.awaitEventsDelivered();

        String admin = SuiteExtension.token("admin", "admin-e2e");
        String run = given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("year", 2025))
                .when().post("/api/v1/admin/acquisition-runs")
                .then().statusCode(202).extract().header("Location");
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() ->
                given().auth().oauth2(admin).when().get(run).then().statusCode(200).body("status", equalTo("DONE")));

        acquisition(fullTimerId).body("amount.amount", equalTo(50_000))
                .body("explanation.arithmetic.toString()", containsString("500.00 €"));
        // 11 × 60 h + 30 h = 690 h of 1 820 h < half: 500 € × 41 400 / 109 200 = 189.5604… → 189.57 €
        acquisition(partTimerId).body("amount.amount", equalTo(18_957))
                .body("explanation.arithmetic.toString()", containsString("189.57 €"));
        acquisition(lowQualifiedId).body("amount.amount", equalTo(80_000))
                .body("explanation.arithmetic.toString()", containsString("800.00 €"));
        cpf(fullTimerId).body("ordinary.amount", equalTo(50_000));
        cpf(partTimerId).body("ordinary.amount", equalTo(18_957));
        cpf(lowQualifiedId).body("ordinary.amount", equalTo(80_000));

        // November replaced after the run (90 h, not 60 h): 720 h → 500 € × 43 200 / 109 200 = 197.81 €,
        // credited as a correcting entry of +8.24 €, the acquisition entry left as it was.
        declare(employer, siret, 11, fullTimer, partTimer, lowQualified, 90);
        await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> cpf(partTimerId).body("ordinary.amount", equalTo(19_781)));
        entries(partTimerId).body("items.findAll { it.kind == 'CORRECTION' }", hasSize(1))
                .body("items.find { it.kind == 'CORRECTION' }.amount.amount", equalTo(824))
                .body("items.find { it.kind == 'CORRECTION' }.year", equalTo(2025))
                .body("items.find { it.kind == 'ACQUISITION' }.amount.amount", equalTo(18_957));
        cpf(fullTimerId).body("ordinary.amount", equalTo(50_000));
        cpf(lowQualifiedId).body("ordinary.amount", equalTo(80_000));
        given().auth().oauth2(admin).when().get("/api/v1/admin/cpf/invariant")
                .then().statusCode(200).body("holds", equalTo(true)).body("mismatches", hasSize(0));
    }

    /**
     * Scenario 3: in March 2026 a volunteer declares 210 h given to one association in 2025 as a board
     * member; the association's validator confirms; 240 € reach the CEC pot of the CPF (DOMAIN.md §3:
     * 200 h in the year, at least 100 h in one association; 240 € a year from 2019).
     */
    @Test
    void aVolunteersValidatedHoursReachTheCecPot() {
        String id = RightsReachTheCpfE2ETest.registerHolder(HolderRegistrationE2ETest.nir());
        String holder = SuiteExtension.token("holder", id);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().auth().oauth2(holder).when().get("/api/v1/holders/" + id + "/cec").then().statusCode(200));
        String rna = "W75" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);

        SuiteClocks.moveTo(Instant.parse("2026-03-02T09:00:00Z"));
        String engagement = given().auth().oauth2(holder).contentType(ContentType.JSON)
                .body(Map.of("year", 2025, "associations", List.of(Map.of("rna", rna, "hours", 210, "role", "BOARD_MEMBER"))))
                .when().post("/api/v1/holders/" + id + "/engagements")
                .then().statusCode(201).body("[0].status", equalTo("PENDING")).extract().path("[0].id");

        String association = SuiteExtension.token(Map.of("role", "association", "subject", "asso-" + rna, "rna", rna));
        given().auth().oauth2(association).when().get("/api/v1/associations/" + rna + "/engagements")
                .then().statusCode(200).body("id", equalTo(List.of(engagement)));
        given().auth().oauth2(association).contentType(ContentType.JSON)
                .body(Map.of("decision", "VALIDATED", "associationRegisteredOn", "2015-03-01"))
                .when().post("/api/v1/engagements/" + engagement + "/validation")
                .then().statusCode(200).body("status", equalTo("VALIDATED"));

        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> cpf(id)
                .body("cec.amount", equalTo(24_000))
                .body("ordinary.amount", equalTo(0)));
        given().auth().oauth2(holder).when().get("/api/v1/holders/" + id + "/cec")
                .then().statusCode(200).body("credit.amount", equalTo(24_000));
    }

    /** One month of 2025 of the three employees; the part-timer worked {@code partTimeHours}. */
    private static void declare(String employer, String siret, int month, String fullTimer, String partTimer,
                                String lowQualified, int partTimeHours) {
        List<Map<String, Object>> employees = new ArrayList<>();
        employees.add(Requests.employee(fullTimer, "Durand", "Paul", "1985-05-10", List.of()));
        Map<String, Object> part = Requests.employee(partTimer, "Durand", "Paul", "1985-05-10", List.of());
        part.put("paidTime", partTimeHours);
        part.put("partTimeRate", Math.round(100.0 * partTimeHours / FULL_TIME));
        employees.add(part);
        employees.add(Requests.employee(lowQualified, "Durand", "Paul", "1985-05-10", List.of()));
        given().auth().oauth2(employer).contentType(ContentType.JSON)
                .body(Map.of("declarationId", UUID.randomUUID().toString(), "siret", siret,
                        "period", String.format("2025-%02d", month), "employees", employees))
                .when().post("/api/v1/declarations")
                .then().statusCode(anyOf(is(200), is(201), is(202)));
    }

    private static ValidatableResponse cpf(String holderId) {
        return given().auth().oauth2(SuiteExtension.token("holder", holderId))
                .when().get("/api/v1/holders/" + holderId + "/cpf").then().statusCode(200);
    }

    private static ValidatableResponse entries(String holderId) {
        return given().auth().oauth2(SuiteExtension.token("holder", holderId))
                .when().get("/api/v1/holders/" + holderId + "/cpf/entries?size=50").then().statusCode(200);
    }

    /** The holder's 2025 acquisition entry, read by its id as a third-party app would, with its explanation. */
    private static ValidatableResponse acquisition(String holderId) {
        String entryId = entries(holderId).body("items.findAll { it.kind == 'ACQUISITION' && it.year == 2025 }", hasSize(1))
                .extract().path("items.find { it.kind == 'ACQUISITION' }.id");
        return given().auth().oauth2(SuiteExtension.token("holder", holderId))
                .when().get("/api/v1/holders/" + holderId + "/cpf/entries/" + entryId).then().statusCode(200);
    }
}
