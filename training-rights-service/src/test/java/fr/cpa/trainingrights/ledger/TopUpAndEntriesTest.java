package fr.cpa.trainingrights.ledger;

import fr.cpa.platform.contract.Topics;
import fr.cpa.testing.CpaTestResources;
import fr.cpa.testing.TestKafka;
import fr.cpa.testing.TestTokens;
import fr.cpa.trainingrights.Accounts;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Top-ups into the ledger, the entries API with explanations, the invariant, and ownership. */
@QuarkusTest
@QuarkusTestResource(value = CpaTestResources.class, restrictToAnnotatedClass = false)
class TopUpAndEntriesTest {

    static final String SIRET = "73282932000074";
    static final String EMPLOYER = TestTokens.token("employer", "payroll").siret(SIRET).sign();
    static final String ADMIN = TestTokens.role("admin", "ops");

    @Inject
    LedgerInvariant invariant;

    @AfterEach
    void ledgerStillAddsUp() {
        LedgerInvariant.Report report = invariant.check();
        assertTrue(report.holds(), report.toString());
    }

    static io.restassured.response.ValidatableResponse topUp(String token, UUID holder, String key, String body) {
        var request = given().auth().oauth2(token).contentType(ContentType.JSON).body(body);
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return request.when().post("/api/v1/holders/" + holder + "/cpf/top-ups").then();
    }

    @Test
    void anEmployersCorrectiveTopUpLandsInItsOwnPotOutsideTheCap() {
        UUID holder = Accounts.open();
        Accounts.declaredBy(holder, SIRET); // an employer tops up only someone its establishment declared
        String entryId = topUp(EMPLOYER, holder, UUID.randomUUID().toString(), "{\"kind\": \"CORRECTIVE\", \"funderType\": \"EMPLOYER\"}")
                .statusCode(201)
                .header("Location", containsString("/api/v1/holders/" + holder + "/cpf/entries/"))
                .body("kind", equalTo("TOP_UP"))
                .body("amount.amount", equalTo(300000))
                .body("funder", equalTo("EMPLOYER SIRET " + SIRET))
                .body("explanation[0].rule", equalTo("TOP_UP_CORRECTIVE"))
                .body("explanation[0].parameters[0]", containsString("TOP_UP_CORRECTIVE = 3000.00 €"))
                .extract().path("id");
        given().auth().oauth2(TestTokens.holder(holder)).when().get("/api/v1/holders/" + holder + "/cpf")
                .then().statusCode(200)
                .body("topUps.amount", equalTo(300000))
                .body("ordinary.amount", equalTo(0))
                .body("available.amount", equalTo(300000))
                .body("roomLeft.amount", equalTo(500000))
                .body("pots", hasSize(1))
                .body("pots[0].pot", equalTo("TOP_UP:" + entryId));
        List<ConsumerRecord<String, String>> events = TestKafka.records(Topics.CPF, Duration.ofSeconds(30),
                r -> r.value().contains(entryId));
        assertTrue(events.stream().anyMatch(r -> r.value().contains(entryId) && r.value().contains("\"CpfCredited\"")),
                "CpfCredited published through the outbox");
    }

    @Test
    void aReplayReturnsTheFirstEntryAndCreditsOnce() {
        UUID holder = Accounts.open();
        String key = UUID.randomUUID().toString();
        String body = "{\"kind\": \"VOLUNTARY\", \"amount\": {\"amount\": 120000, \"currency\": \"EUR\"}, \"funderType\": \"OPCO\", \"earmarkedTo\": [\"RNCP35185\"]}";
        String first = topUp(ADMIN, holder, key, body).statusCode(201).extract().path("id");
        topUp(ADMIN, holder, key, body).statusCode(201).header("Idempotency-Replayed", "true").body("id", equalTo(first))
                .body("earmarkedTo", hasItems("RNCP35185"));
        given().auth().oauth2(TestTokens.holder(holder)).when().get("/api/v1/holders/" + holder + "/cpf")
                .then().body("topUps.amount", equalTo(120000)).body("pots[0].earmarkedTo", hasItems("RNCP35185"));
    }

    @Test
    void anIdempotencyKeyIsRequired() {
        UUID holder = Accounts.open();
        topUp(ADMIN, holder, null, "{\"kind\": \"CORRECTIVE\", \"funderType\": \"EMPLOYER\"}")
                .statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("Idempotency-Key"));
    }

    @Test
    void everyBadFieldIsNamed() {
        UUID holder = Accounts.open();
        topUp(ADMIN, holder, UUID.randomUUID().toString(),
                "{\"kind\": \"WORK_ACCIDENT\", \"funderType\": \"PIRATE\", \"amount\": {\"amount\": 100, \"currency\": \"EUR\"}, \"incapacityPercent\": 5, \"earmarkedTo\": [\"cooking\"]}")
                .statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("funderType", "amount.amount", "incapacityPercent", "reference", "earmarkedTo[0]"));
        topUp(ADMIN, holder, UUID.randomUUID().toString(), "{\"kind\": \"COLLECTIVE_AGREEMENT_REFUSAL\", \"funderType\": \"EMPLOYER\", \"amount\": {\"amount\": 299999, \"currency\": \"EUR\"}}")
                .statusCode(400).body("errors.field", hasItems("amount.amount"));
    }

    @Test
    void aWorkAccidentGivesOneTopUpPerAccident() {
        UUID holder = Accounts.open();
        String body = "{\"kind\": \"WORK_ACCIDENT\", \"funderType\": \"SOCIAL_SECURITY\", \"incapacityPercent\": 10, \"reference\": \"AT-1\"}";
        topUp(ADMIN, holder, UUID.randomUUID().toString(), body).statusCode(201).body("amount.amount", equalTo(750000));
        topUp(ADMIN, holder, UUID.randomUUID().toString(), body).statusCode(409);
    }

    @Test
    void entriesArePagedNewestFirstWithTheirExplanation() {
        UUID holder = Accounts.open();
        for (int i = 1; i <= 3; i++) {
            topUp(ADMIN, holder, UUID.randomUUID().toString(),
                    "{\"kind\": \"VOLUNTARY\", \"amount\": {\"amount\": " + i * 100 + ", \"currency\": \"EUR\"}, \"funderType\": \"REGION\"}")
                    .statusCode(201);
        }
        String token = TestTokens.holder(holder);
        given().auth().oauth2(token).when().get("/api/v1/holders/" + holder + "/cpf/entries?page=0&size=2")
                .then().statusCode(200)
                .body("total", equalTo(3)).body("items", hasSize(2))
                .body("items[0].line", equalTo(3)).body("items[0].amount.amount", equalTo(300))
                .body("items[1].line", equalTo(2));
        String oldest = given().auth().oauth2(token).when().get("/api/v1/holders/" + holder + "/cpf/entries?page=1&size=2")
                .then().statusCode(200).body("items", hasSize(1)).body("items[0].line", equalTo(1))
                .extract().path("items[0].id");
        given().auth().oauth2(token).when().get("/api/v1/holders/" + holder + "/cpf/entries/" + oldest)
                .then().statusCode(200).body("explanation[0].rule", equalTo("TOP_UP_VOLUNTARY"));
        given().auth().oauth2(token).when().get("/api/v1/holders/" + holder + "/cpf/entries?page=-1&size=500")
                .then().statusCode(400).body("errors.field", hasItems("page", "size"));
    }

    @Test
    void anotherHolderIsRefusedOnEveryHolderEndpoint() {
        UUID holder = Accounts.open();
        String entryId = topUp(ADMIN, holder, UUID.randomUUID().toString(), "{\"kind\": \"CORRECTIVE\", \"funderType\": \"EMPLOYER\"}")
                .statusCode(201).extract().path("id");
        String other = TestTokens.holder(UUID.randomUUID());
        for (String path : List.of("", "/entries", "/entries/" + entryId)) {
            given().auth().oauth2(other).when().get("/api/v1/holders/" + holder + "/cpf" + path)
                    .then().statusCode(403).contentType("application/problem+json");
        }
        // a holder cannot top up, not even their own account
        topUp(TestTokens.holder(holder), holder, UUID.randomUUID().toString(), "{\"kind\": \"CORRECTIVE\", \"funderType\": \"HOLDER\"}")
                .statusCode(403);
        // an employer's token without a SIRET is not a funder
        topUp(TestTokens.role("employer", "nobody"), holder, UUID.randomUUID().toString(), "{\"kind\": \"CORRECTIVE\", \"funderType\": \"EMPLOYER\"}")
                .statusCode(403);
        // someone else's entry asked through one's own account is not found
        UUID mine = Accounts.open();
        given().auth().oauth2(TestTokens.holder(mine)).when().get("/api/v1/holders/" + mine + "/cpf/entries/" + entryId)
                .then().statusCode(404);
    }

    @Test
    void theInvariantIsForAdminsOnly() {
        given().auth().oauth2(ADMIN).when().get("/api/v1/admin/cpf/invariant")
                .then().statusCode(200).body("holds", equalTo(true));
        given().auth().oauth2(TestTokens.holder(UUID.randomUUID())).when().get("/api/v1/admin/cpf/invariant")
                .then().statusCode(403);
    }
}
