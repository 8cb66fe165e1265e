package fr.cpa.hardship.exposure;

import fr.cpa.hardship.support.C2pEvents;
import fr.cpa.testing.CpaTestResources;
import fr.cpa.testing.TestKafka;
import fr.cpa.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * ExposureDeclared / ExposureWithdrawn on the real broker: closed years are assessed on arrival, awards
 * leave through the outbox, corrections apply only within their window (DOMAIN.md §2 "Scope").
 */
@QuarkusTest
@QuarkusTestResource(value = CpaTestResources.class, restrictToAnnotatedClass = false)
class ExposureEventsTest {

    private static void awaitYear(UUID holder, int index, int year, int points, int total) {
        await().atMost(Duration.ofSeconds(120)).untilAsserted(() ->
                given().auth().oauth2(TestTokens.holder(holder)).when().get("/api/v1/holders/" + holder + "/c2p")
                        .then().statusCode(200)
                        .body("years[" + index + "].year", equalTo(year))
                        .body("years[" + index + "].points", equalTo(points))
                        .body("total", equalTo(total)));
    }

    @Test
    void aDeclarationForAClosedYearIsAwardedAndPublished() {
        UUID holder = C2pEvents.registeredHolder(LocalDate.of(1975, 6, 1));
        C2pEvents.declare(holder, UUID.randomUUID(), 1, 2024, "NIGHT_WORK", 110, "NIGHTS", 12, "2025-01-10T10:00:00Z");
        awaitYear(holder, 0, 2024, 4, 4);
        given().auth().oauth2(TestTokens.holder(holder)).when().get("/api/v1/holders/" + holder + "/c2p")
                .then().body("years[0].explanation", hasItem(containsString("110 nights ≥ 100")));
        var records = TestKafka.records("cpa.c2p.v1", Duration.ofSeconds(30),
                r -> r.key().equals(holder.toString()) && r.value().contains("C2pPointsAwarded"));
        assertTrue(records.stream().anyMatch(r -> r.key().equals(holder.toString())
                && r.value().contains("\"year\":2024") && r.value().contains("\"totalAfter\":4")), "C2pPointsAwarded on cpa.c2p.v1");
        given().auth().oauth2(TestTokens.holder(holder)).when().get("/api/v1/holders/" + holder + "/c2p/exposures")
                .then().statusCode(200).body("", hasSize(1))
                .body("[0].factor", equalTo("NIGHT_WORK")).body("[0].quantity", equalTo(110)).body("[0].siret", equalTo(C2pEvents.SIRET));
    }

    @Test
    void correctionsApplyOnlyWithinTheirWindow() {
        UUID holder = C2pEvents.registeredHolder(LocalDate.of(1975, 6, 1));
        UUID declaration = UUID.randomUUID();
        C2pEvents.declare(holder, declaration, 1, 2024, "NIGHT_WORK", 110, "NIGHTS", 12, "2025-01-10T10:00:00Z");
        awaitYear(holder, 0, 2024, 4, 4);
        // against the employee, by 30 April 2025: accepted
        C2pEvents.declare(holder, declaration, 2, 2024, "NIGHT_WORK", 90, "NIGHTS", 12, "2025-03-01T10:00:00Z");
        awaitYear(holder, 0, 2024, 0, 0);
        // in the employee's favour, within three years: accepted
        C2pEvents.declare(holder, declaration, 3, 2024, "NIGHT_WORK", 120, "NIGHTS", 12, "2026-01-05T10:00:00Z");
        awaitYear(holder, 0, 2024, 4, 4);
        // against the employee after 30 April 2025: refused, the declaration and the points stay
        C2pEvents.declare(holder, declaration, 4, 2024, "NIGHT_WORK", 90, "NIGHTS", 12, "2026-01-06T10:00:00Z");
        await().atMost(Duration.ofSeconds(120)).untilAsserted(() ->
                given().auth().oauth2(TestTokens.holder(holder)).when().get("/api/v1/holders/" + holder + "/c2p")
                        .then().body("years[0].explanation", hasItem(containsString("refused"))));
        given().auth().oauth2(TestTokens.holder(holder)).when().get("/api/v1/holders/" + holder + "/c2p")
                .then().body("total", equalTo(4)).body("years[0].points", equalTo(4));
        given().auth().oauth2(TestTokens.holder(holder)).when().get("/api/v1/holders/" + holder + "/c2p/exposures")
                .then().body("[0].quantity", equalTo(120)).body("[0].declarationVersion", equalTo(3));
    }

    private static final C2pEvents.Factor NIGHTS_110 = new C2pEvents.Factor("NIGHT_WORK", 110, "NIGHTS", 12);
    private static final C2pEvents.Factor NOISE_700 = new C2pEvents.Factor("NOISE", 700, "HOURS", 12);

    private static void awaitExposures(UUID holder, String... factors) {
        await().atMost(Duration.ofSeconds(120)).untilAsserted(() ->
                given().auth().oauth2(TestTokens.holder(holder)).when().get("/api/v1/holders/" + holder + "/c2p/exposures")
                        .then().body("factor", containsInAnyOrder((Object[]) factors)));
    }

    @Test
    void aLateVersionSwappingOneFactorForAnotherReplacesItWhole() {
        // Dec. 2024: night work, 4 points. June 2025, past the deadline against the employee but within the
        // one in their favour: the employer corrects to noise instead. Points 4 → 4: the version is applied,
        // and the withdrawal of night work that follows finds it gone (judged alone it was refused, and both
        // factors stayed: 8 points that neither version declared).
        UUID holder = C2pEvents.registeredHolder(LocalDate.of(1975, 6, 1));
        UUID v1 = UUID.randomUUID();
        C2pEvents.declareVersion(holder, v1, 1, "2024-12", "2025-01-10T10:00:00Z", NIGHTS_110);
        awaitYear(holder, 0, 2024, 4, 4);
        C2pEvents.declareVersion(holder, UUID.randomUUID(), 2, "2024-12", "2025-06-02T10:00:00Z", NOISE_700);
        C2pEvents.withdraw(holder, v1, 2024, "NIGHT_WORK", "2025-06-02T10:00:00Z");
        awaitExposures(holder, "NOISE");
        awaitYear(holder, 0, 2024, 4, 4);
    }

    @Test
    void aLateVersionLoweringTheYearIsRefusedWhole() {
        UUID holder = C2pEvents.registeredHolder(LocalDate.of(1975, 6, 1));
        UUID v1 = UUID.randomUUID();
        C2pEvents.declareVersion(holder, v1, 1, "2024-12", "2025-01-10T10:00:00Z", NIGHTS_110, NOISE_700);
        awaitYear(holder, 0, 2024, 8, 8);
        // after 30 April 2025, 8 → 4 points is against the employee: neither the new set nor the withdrawal applies
        C2pEvents.declareVersion(holder, UUID.randomUUID(), 2, "2024-12", "2025-06-02T10:00:00Z", NOISE_700);
        C2pEvents.withdraw(holder, v1, 2024, "NIGHT_WORK", "2025-06-02T10:00:00Z");
        await().atMost(Duration.ofSeconds(120)).untilAsserted(() ->
                given().auth().oauth2(TestTokens.holder(holder)).when().get("/api/v1/holders/" + holder + "/c2p")
                        .then().body("years[0].explanation", hasItem(containsString("refused"))));
        awaitYear(holder, 0, 2024, 8, 8);
        given().auth().oauth2(TestTokens.holder(holder)).when().get("/api/v1/holders/" + holder + "/c2p/exposures")
                .then().body("declarationId", everyItem(equalTo(v1.toString())));
    }

    @Test
    void anOlderVersionSentAgainAfterANewerOneIsIgnored() {
        UUID holder = C2pEvents.registeredHolder(LocalDate.of(1975, 6, 1));
        UUID v1 = UUID.randomUUID();
        C2pEvents.declareVersion(holder, v1, 1, "2024-12", "2025-01-10T10:00:00Z", NIGHTS_110);
        awaitYear(holder, 0, 2024, 4, 4);
        // by 30 April 2025, against the employee: accepted
        C2pEvents.declareVersion(holder, UUID.randomUUID(), 2, "2024-12", "2025-03-01T10:00:00Z",
                new C2pEvents.Factor("NIGHT_WORK", 90, "NIGHTS", 12));
        awaitYear(holder, 0, 2024, 0, 0);
        // version 1 again (a dead-letter replay): it must not bring back 110 nights
        C2pEvents.declareVersion(holder, v1, 1, "2024-12", "2025-01-10T10:00:00Z", NIGHTS_110);
        UUID marker = C2pEvents.registeredHolder(LocalDate.of(1975, 6, 1)); // later on the topic: the replay was read
        C2pEvents.declareVersion(marker, UUID.randomUUID(), 1, "2024-12", "2025-01-10T10:00:00Z", NIGHTS_110);
        awaitYear(marker, 0, 2024, 4, 4);
        given().auth().oauth2(TestTokens.holder(holder)).when().get("/api/v1/holders/" + holder + "/c2p/exposures")
                .then().body("[0].quantity", equalTo(90)).body("[0].declarationVersion", equalTo(2));
        awaitYear(holder, 0, 2024, 0, 0);
    }

    @Test
    void twoDeclarationsOfOneEstablishmentInAYearStayTwo() {
        // a contract ending in June 2025 (exposures declared that month) and a new one declared in December
        UUID holder = C2pEvents.registeredHolder(LocalDate.of(1975, 6, 1));
        C2pEvents.declareVersion(holder, UUID.randomUUID(), 1, "2025-06", "2025-07-05T10:00:00Z",
                new C2pEvents.Factor("NIGHT_WORK", 110, "NIGHTS", 6));
        C2pEvents.declareVersion(holder, UUID.randomUUID(), 1, "2025-12", "2026-01-05T10:00:00Z",
                new C2pEvents.Factor("NIGHT_WORK", 105, "NIGHTS", 3));
        awaitExposures(holder, "NIGHT_WORK", "NIGHT_WORK");
        // two contracts add up (R4163-9, 1 point per factor per full 3-month period): 2 for January–June,
        // 1 for October–December; counted as one contract, the longer exposure alone gave 2
        awaitYear(holder, 0, 2025, 3, 3);
    }

    @Test
    void aWithdrawalWithoutItsFieldsGoesToTheDeadLetterTopic() {
        UUID holder = UUID.randomUUID();
        UUID declaration = UUID.randomUUID();
        C2pEvents.send("ExposureWithdrawn", holder, """
                {"holderId":"%s","declarationId":"%s","year":2024}""".formatted(holder, declaration), "2025-01-10T10:00:00Z");
        var dead = TestKafka.records("cpa.exposure.v1.dlq", Duration.ofSeconds(120), r -> r.value().contains(declaration.toString()));
        assertTrue(dead.stream().anyMatch(r -> r.value().contains(declaration.toString())), "malformed withdrawal on the dead-letter topic");
    }

    @Test
    void aWithdrawalWithinItsWindowRemovesTheYearsPoints() {
        UUID holder = C2pEvents.registeredHolder(LocalDate.of(1975, 6, 1));
        UUID declaration = UUID.randomUUID();
        C2pEvents.declare(holder, declaration, 1, 2025, "ALTERNATING_SHIFTS", 40, "NIGHTS", 12, "2026-01-05T10:00:00Z");
        awaitYear(holder, 0, 2025, 4, 4);
        C2pEvents.withdraw(holder, declaration, 2025, "ALTERNATING_SHIFTS", "2026-02-01T10:00:00Z");
        awaitYear(holder, 0, 2025, 0, 0);
        given().auth().oauth2(TestTokens.holder(holder)).when().get("/api/v1/holders/" + holder + "/c2p/exposures")
                .then().body("", hasSize(0));
    }

    @Test
    void exposuresAreTheHoldersAndAdvisorsOnly() {
        UUID holder = C2pEvents.registeredHolder(LocalDate.of(1975, 6, 1));
        given().auth().oauth2(TestTokens.holder(UUID.randomUUID())).when().get("/api/v1/holders/" + holder + "/c2p/exposures")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.token("employer", "payroll-1").siret(C2pEvents.SIRET).sign())
                .when().get("/api/v1/holders/" + holder + "/c2p/exposures")
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.role("advisor", "advisor-7")).when().get("/api/v1/holders/" + holder + "/c2p/exposures")
                .then().statusCode(200);
    }

    @Test
    void anExposureOfAnUnknownFactorGoesToTheDeadLetterTopic() {
        UUID holder = UUID.randomUUID();
        UUID declaration = UUID.randomUUID();
        C2pEvents.declare(holder, declaration, 1, 2024, "LOUD_MUSIC", 900, "HOURS", 12, "2025-01-10T10:00:00Z");
        var dead = TestKafka.records("cpa.exposure.v1.dlq", Duration.ofSeconds(120), r -> r.value().contains(declaration.toString()));
        assertTrue(dead.stream().anyMatch(r -> r.value().contains(declaration.toString())), "poison exposure on cpa.exposure.v1.dlq");
    }
}
