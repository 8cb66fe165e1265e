package fr.cpa.civic.engagement;

import fr.cpa.civic.clock.SettableClock;
import fr.cpa.platform.contract.CecCredited;
import fr.cpa.platform.event.EventEnvelope;
import fr.cpa.platform.event.EventJson;
import fr.cpa.platform.money.Money;
import fr.cpa.testing.CpaTestResources;
import fr.cpa.testing.TestEvents;
import fr.cpa.testing.TestKafka;
import fr.cpa.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Declarations, validation by the association, batches from responsible bodies, the credit and its
 * CecCredited event on the real broker, and who may do what (DOMAIN.md §3).
 */
@QuarkusTest
@QuarkusTestResource(value = CpaTestResources.class, restrictToAnnotatedClass = false)
class EngagementFlowTest {

    private static final String ASSOCIATION_A = "W751000001";
    private static final String ASSOCIATION_B = "W691000002";

    @Inject
    SettableClock clock;

    @Inject
    EventJson json;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void twoAssociationsValidatingTheirHoursCreditTheYearOnceAndEmitCecCredited() {
        UUID holder = openAccount();
        clock.today(LocalDate.of(2024, 3, 1));
        List<String> ids = declare(holder, 2023, """
                {"rna": "%s", "siret": "73282932000074", "hours": 120, "role": "BOARD_MEMBER"},
                {"rna": "%s", "hours": 90, "role": "VOLUNTEER_SUPERVISOR"}""".formatted(ASSOCIATION_A, ASSOCIATION_B))
                .statusCode(201)
                .body("status", containsInAnyOrder("PENDING", "PENDING"))
                .body("validationDeadline", hasItem("2024-12-31"))
                .extract().path("id");

        given().auth().oauth2(association(ASSOCIATION_A))
                .when().get("/api/v1/associations/" + ASSOCIATION_A + "/engagements")
                .then().statusCode(200).body("id", hasItem(ids.get(0)));
        // 120 h alone are below 200 h: nothing yet.
        validate(ids.get(0), ASSOCIATION_A, "2010-05-01").statusCode(200)
                .body("status", equalTo("VALIDATED"))
                .body("explanation", hasItem(containsString("120 h is below the minimum of 200 h")));
        validate(ids.get(1), ASSOCIATION_B, "2012-09-15").statusCode(200)
                .body("explanation", hasItem("2023: association volunteering earns 240.00 € for the year (cap 720.00 €)"));

        given().auth().oauth2(TestTokens.holder(holder))
                .when().get("/api/v1/holders/" + holder + "/cec")
                .then().statusCode(200)
                .body("credit.amount", equalTo(24000))
                .body("cap.amount", equalTo(72000))
                .body("roomLeft.amount", equalTo(48000))
                .body("years[0].year", equalTo(2023))
                .body("years[0].credits", hasSize(1))
                .body("years[0].credits[0].activity", equalTo("ASSOCIATION_VOLUNTEERING"));

        List<ConsumerRecord<String, String>> records = TestKafka.records("cpa.cec.v1", Duration.ofSeconds(60),
                r -> holder.toString().equals(r.key()));
        ConsumerRecord<String, String> last = records.get(records.size() - 1);
        assertEquals(holder.toString(), last.key());
        EventEnvelope envelope = json.parse(last.value());
        assertEquals(CecCredited.TYPE, envelope.type());
        CecCredited credited = json.data(envelope, CecCredited.class);
        assertEquals(holder, credited.holderId());
        assertEquals(2023, credited.year());
        assertEquals("ASSOCIATION_VOLUNTEERING", credited.activity());
        assertEquals(Money.cents(24000), credited.amount());
        assertEquals(null, credited.minutes());
        assertEquals(Money.cents(24000), credited.totalAfter());
    }

    @Test
    void aYearDeclaredTwiceIsCreditedOnce() {
        UUID holder = openAccount();
        clock.today(LocalDate.of(2024, 5, 2));
        String first = declare(holder, 2023, line(ASSOCIATION_A, 250)).statusCode(201).extract().path("[0].id");
        String second = declare(holder, 2023, line(ASSOCIATION_B, 250)).statusCode(201).extract().path("[0].id");
        declare(holder, 2023, line(ASSOCIATION_A, 10)).statusCode(409).contentType("application/problem+json");
        validate(first, ASSOCIATION_A, "2001-01-01").statusCode(200);
        validate(second, ASSOCIATION_B, "2001-01-01").statusCode(200)
                .body("explanation", hasItem(
                        "2023: association volunteering is already credited for this year: one credit per category per year"));
        given().auth().oauth2(TestTokens.holder(holder))
                .when().get("/api/v1/holders/" + holder + "/cec")
                .then().statusCode(200).body("credit.amount", equalTo(24000)).body("years[0].credits", hasSize(1));
    }

    @Test
    void theSameDeclarationSentTwiceAtOnceIsTakenOnceAndTheOtherGetsA409() throws Exception {
        UUID holder = openAccount();
        clock.today(LocalDate.of(2024, 5, 2));
        for (int round = 0; round < 3; round++) {
            int year = 2023;
            String rna = "W75100001" + round;
            var first = java.util.concurrent.CompletableFuture.supplyAsync(() -> declare(holder, year, line(rna, 250)).extract().statusCode());
            var second = java.util.concurrent.CompletableFuture.supplyAsync(() -> declare(holder, year, line(rna, 250)).extract().statusCode());
            assertEquals(java.util.List.of(201, 409), java.util.stream.Stream.of(first.get(), second.get()).sorted().toList(),
                    "one stored, the other told it is declared already (never the unique index's 500)");
        }
    }

    @Test
    void declarationsForAYearAreAcceptedFromFirstJanuaryTo30JuneOfTheNextYear() {
        UUID holder = openAccount();
        clock.today(LocalDate.of(2023, 12, 31));
        declare(holder, 2023, line(ASSOCIATION_A, 200)).statusCode(422).contentType("application/problem+json")
                .body("detail", equalTo("association volunteering of 2023 is declared from 1 January 2024 to 30 June 2024; "
                        + "today is 31 December 2023"));
        clock.today(LocalDate.of(2024, 7, 1));
        declare(holder, 2023, line(ASSOCIATION_A, 200)).statusCode(422)
                .body("type", containsString("declaration-window-closed"));
        clock.today(LocalDate.of(2024, 1, 1));
        declare(holder, 2023, line(ASSOCIATION_A, 200)).statusCode(201);
        clock.today(LocalDate.of(2024, 6, 30));
        declare(holder, 2023, line(ASSOCIATION_B, 200)).statusCode(201);
    }

    @Test
    void anAssociationValidatesUntil31DecemberOfTheNextYearThenTheDeclarationLapses() {
        UUID holder = openAccount();
        clock.today(LocalDate.of(2024, 6, 30));
        List<String> ids = declare(holder, 2023, line(ASSOCIATION_A, 200) + "," + line(ASSOCIATION_B, 200))
                .statusCode(201).extract().path("id");
        clock.today(LocalDate.of(2024, 12, 31));
        validate(ids.get(0), ASSOCIATION_A, "2001-01-01").statusCode(200).body("status", equalTo("VALIDATED"));
        clock.today(LocalDate.of(2025, 1, 1));
        given().auth().oauth2(association(ASSOCIATION_B))
                .when().get("/api/v1/associations/" + ASSOCIATION_B + "/engagements?status=LAPSED")
                .then().statusCode(200).body("id", hasItem(ids.get(1)));
        validate(ids.get(1), ASSOCIATION_B, "2001-01-01").statusCode(422).contentType("application/problem+json")
                .body("type", containsString("validation-period-over"))
                .body("detail", containsString("could be validated until 2024-12-31; it has lapsed and earns nothing"));
        given().auth().oauth2(TestTokens.holder(holder))
                .when().get("/api/v1/holders/" + holder + "/engagements")
                .then().statusCode(200).body("status", containsInAnyOrder("VALIDATED", "LAPSED"));
    }

    @Test
    void aRejectedDeclarationEarnsNothingAndMayBeDeclaredAgain() {
        UUID holder = openAccount();
        clock.today(LocalDate.of(2024, 4, 2));
        String id = declare(holder, 2023, line(ASSOCIATION_A, 220)).statusCode(201).extract().path("[0].id");
        given().auth().oauth2(association(ASSOCIATION_A)).contentType("application/json")
                .body("{\"decision\": \"VALIDATED\"}")
                .when().post("/api/v1/engagements/" + id + "/validation")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("associationRegisteredOn"));
        given().auth().oauth2(association(ASSOCIATION_A)).contentType("application/json")
                .body("{\"decision\": \"REJECTED\", \"reason\": \"not a board member in 2023\"}")
                .when().post("/api/v1/engagements/" + id + "/validation")
                .then().statusCode(200).body("status", equalTo("REJECTED"))
                .body("reason", equalTo("not a board member in 2023"));
        validate(id, ASSOCIATION_A, "2001-01-01").statusCode(409).contentType("application/problem+json");
        declare(holder, 2023, line(ASSOCIATION_A, 210)).statusCode(201);
        given().auth().oauth2(TestTokens.holder(holder))
                .when().get("/api/v1/holders/" + holder + "/cec")
                .then().statusCode(200).body("credit.amount", equalTo(0)).body("years", hasSize(0));
    }

    @Test
    void for2024HoursAnAssociationRegisteredOneYearBeforeTheYearEndCounts() {
        UUID holder = openAccount();
        clock.today(LocalDate.of(2025, 3, 3));
        List<String> ids = declare(holder, 2024, line(ASSOCIATION_A, 200) + "," + line(ASSOCIATION_B, 200))
                .statusCode(201).extract().path("id");
        validate(ids.get(0), ASSOCIATION_A, "2024-01-01").statusCode(200)
                .body("explanation", hasItem(containsString("registered on 2024-01-01, less than 1 year before 2024-12-31")));
        validate(ids.get(1), ASSOCIATION_B, "2023-12-31").statusCode(200)
                .body("explanation", hasItem("2024: association volunteering earns 240.00 € for the year (cap 720.00 €)"));
    }

    @Test
    void anotherAssociationCanNeitherListNorValidate() {
        UUID holder = openAccount();
        clock.today(LocalDate.of(2024, 2, 1));
        String id = declare(holder, 2023, line(ASSOCIATION_A, 200)).statusCode(201).extract().path("[0].id");
        validate(id, ASSOCIATION_B, "2001-01-01").statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(association(ASSOCIATION_B))
                .when().get("/api/v1/associations/" + ASSOCIATION_A + "/engagements")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.holder(holder)).contentType("application/json")
                .body("{\"decision\": \"VALIDATED\", \"associationRegisteredOn\": \"2001-01-01\"}")
                .when().post("/api/v1/engagements/" + id + "/validation")
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.holder(holder))
                .when().get("/api/v1/holders/" + holder + "/engagements")
                .then().statusCode(200).body("status", containsInAnyOrder("PENDING"));
    }

    @Test
    void holdersDeclareAndReadOnlyTheirOwnEngagements() {
        UUID holder = openAccount();
        UUID other = UUID.randomUUID();
        clock.today(LocalDate.of(2024, 2, 1));
        given().auth().oauth2(TestTokens.holder(other)).contentType("application/json")
                .body("{\"year\": 2023, \"associations\": [" + line(ASSOCIATION_A, 200) + "]}")
                .when().post("/api/v1/holders/" + holder + "/engagements")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.holder(other))
                .when().get("/api/v1/holders/" + holder + "/engagements")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(association(ASSOCIATION_A))
                .when().get("/api/v1/holders/" + holder + "/engagements")
                .then().statusCode(403);
        given().when().get("/api/v1/holders/" + holder + "/engagements")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void aDeclarationNamesEachBadField() {
        UUID holder = openAccount();
        clock.today(LocalDate.of(2024, 2, 1));
        declare(holder, 2023, """
                {"rna": "W75100000", "hours": 0, "role": "BOARD_MEMBER"},
                {"rna": "W751000003", "siret": "73282932000075", "hours": 100}""")
                .statusCode(400).contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("associations[0].rna", "associations[0].hours",
                        "associations[1].role"));
        declare(holder, 2023, """
                {"rna": "W751000003", "siret": "73282932000075", "hours": 100, "role": "BOARD_MEMBER"},
                {"rna": "W751000003", "hours": 100, "role": "BOARD_MEMBER"}""")
                .statusCode(400)
                .body("errors.field", containsInAnyOrder("associations[0].siret", "associations[1].rna"));
    }

    @Test
    void aBatchCreditsEachCategoryOnceAndReplaysByItsReference() {
        UUID holder = openAccount();
        String service = TestTokens.role("service", "sdis-69");
        String body = """
                {"reference": "%s", "engagements": [
                  {"holderId": "%s", "year": 2024, "kind": "VOLUNTEER_FIREFIGHTER", "engagementYears": 5},
                  {"holderId": "%s", "year": 2024, "kind": "MILITARY_RESERVE", "days": 89}]}"""
                .formatted("SDIS-" + holder, holder, holder);
        List<String> first = given().auth().oauth2(service).contentType("application/json").body(body)
                .when().post("/api/v1/engagements/batch")
                .then().statusCode(200)
                .body("engagements[0].status", equalTo("VALIDATED"))
                .body("engagements[0].explanation", hasItem("2024: volunteer firefighter earns 240.00 € for the year (cap 720.00 €)"))
                .body("engagements[1].explanation", hasItem(containsString("89 days is below the minimum of 90 days")))
                .extract().path("engagements.id");
        List<String> replay = given().auth().oauth2(service).contentType("application/json").body(body)
                .when().post("/api/v1/engagements/batch")
                .then().statusCode(200).header("Idempotency-Replayed", "true").extract().path("engagements.id");
        assertEquals(first, replay);
        given().auth().oauth2(service).contentType("application/json")
                .body(body.replace("\"days\": 89", "\"days\": 95"))
                .when().post("/api/v1/engagements/batch")
                .then().statusCode(422).contentType("application/problem+json");
        // The same engagement under another reference: recorded, not credited again.
        given().auth().oauth2(service).contentType("application/json").body(body.replace("SDIS-", "SDIS-bis-"))
                .when().post("/api/v1/engagements/batch")
                .then().statusCode(200)
                .body("engagements[0].explanation", hasItem(
                        "2024: volunteer firefighter is already credited for this year: one credit per category per year"));
        given().auth().oauth2(TestTokens.holder(holder))
                .when().get("/api/v1/holders/" + holder + "/cec")
                .then().statusCode(200).body("credit.amount", equalTo(24000)).body("years[0].credits", hasSize(1))
                .body("years[0].credits[0].minutes", nullValue());
        // the credit is relayed by the outbox: wait for it, then read the topic to its end for a second one
        TestKafka.records("cpa.cec.v1", Duration.ofSeconds(60), r -> holder.toString().equals(r.key()));
        List<ConsumerRecord<String, String>> records = TestKafka.recordsUpToNow("cpa.cec.v1", Duration.ofSeconds(60));
        assertEquals(1, records.stream().filter(r -> holder.toString().equals(r.key())).count());
    }

    @Test
    void aBatchNamesEachBadFieldAndIsForServicesOnly() {
        UUID holder = openAccount();
        given().auth().oauth2(TestTokens.role("service", "sdis-69")).contentType("application/json")
                .body("""
                        {"reference": "bad-%s", "engagements": [
                          {"holderId": "%s", "year": 2024, "kind": "ASSOCIATION_VOLUNTEERING", "hours": 300, "maxHoursInOneAssociation": 200},
                          {"holderId": "%s", "year": 2024, "kind": "POLICE_RESERVE", "duties": 80},
                          {"holderId": "%s", "year": 2024, "kind": "HEALTH_RESERVE", "days": 40}]}"""
                        .formatted(holder, holder, holder, UUID.randomUUID()))
                .when().post("/api/v1/engagements/batch")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("engagements[0].kind", "engagements[1].continuousYears",
                        "engagements[2].holderId"));
        given().auth().oauth2(TestTokens.holder(holder)).contentType("application/json")
                .body("{\"reference\": \"x\", \"engagements\": [{\"holderId\": \"" + holder
                        + "\", \"year\": 2024, \"kind\": \"HEALTH_RESERVE\", \"days\": 40}]}")
                .when().post("/api/v1/engagements/batch")
                .then().statusCode(403).contentType("application/problem+json");
    }

    private static UUID openAccount() {
        UUID holder = UUID.randomUUID();
        TestKafka.send("cpa.holder.v1", holder.toString(),
                TestEvents.holderRegistered(UUID.randomUUID(), holder, LocalDate.of(1980, 5, 4)));
        await().atMost(Duration.ofSeconds(120)).untilAsserted(() ->
                given().auth().oauth2(TestTokens.holder(holder))
                        .when().get("/api/v1/holders/" + holder + "/cec")
                        .then().statusCode(200));
        return holder;
    }

    private static String line(String rna, int hours) {
        return "{\"rna\": \"" + rna + "\", \"hours\": " + hours + ", \"role\": \"BOARD_MEMBER\"}";
    }

    private static ValidatableResponse declare(UUID holder, int year, String associations) {
        return given().auth().oauth2(TestTokens.holder(holder)).contentType("application/json")
                .body("{\"year\": " + year + ", \"associations\": [" + associations + "]}")
                .when().post("/api/v1/holders/" + holder + "/engagements")
                .then();
    }

    private static ValidatableResponse validate(String engagementId, String rna, String registeredOn) {
        return given().auth().oauth2(association(rna)).contentType("application/json")
                .body("{\"decision\": \"VALIDATED\", \"associationRegisteredOn\": \"" + registeredOn + "\"}")
                .when().post("/api/v1/engagements/" + engagementId + "/validation")
                .then();
    }

    private static String association(String rna) {
        return TestTokens.token("association", "validator-" + rna).rna(rna).sign();
    }
}
