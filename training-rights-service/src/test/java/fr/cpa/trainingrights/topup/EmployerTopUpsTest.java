package fr.cpa.trainingrights.topup;

import fr.cpa.testing.CpaTestResources;
import fr.cpa.testing.TestTokens;
import fr.cpa.trainingrights.Accounts;
import fr.cpa.trainingrights.ledger.LedgerInvariant;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An employer's token tops up only the CPF of someone its establishment declared, and only with its own money (funder
 * type EMPLOYER): the funder type waives co-payments and opens driving licences, so it is not the employer's to choose.
 */
@QuarkusTest
@QuarkusTestResource(value = CpaTestResources.class, restrictToAnnotatedClass = false)
class EmployerTopUpsTest {

    static final String SIRET = "73282932000074";
    static final String OTHER_SIRET = "35600000000048";
    static final String EMPLOYER = TestTokens.token("employer", "payroll").siret(SIRET).sign();

    @Inject
    LedgerInvariant invariant;

    @AfterEach
    void ledgerStillAddsUp() {
        LedgerInvariant.Report report = invariant.check();
        assertTrue(report.holds(), report.toString());
    }

    static ValidatableResponse topUp(String token, UUID holder, String body) {
        return given().auth().oauth2(token).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/holders/" + holder + "/cpf/top-ups").then();
    }

    static void noTopUps(UUID holder) {
        given().auth().oauth2(TestTokens.holder(holder)).when().get("/api/v1/holders/" + holder + "/cpf")
                .then().statusCode(200).body("topUps.amount", equalTo(0));
    }

    @Test
    void anEmployerTopsUpOnlyAHolderItsSiretDeclared() {
        UUID holder = Accounts.open();
        String corrective = "{\"kind\": \"CORRECTIVE\", \"funderType\": \"EMPLOYER\"}";
        topUp(EMPLOYER, holder, corrective).statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("https://cpa.local/problems/forbidden"));
        // ownership first: a funder type it may not use changes nothing for a stranger's account
        topUp(EMPLOYER, holder, "{\"kind\": \"VOLUNTARY\", \"amount\": {\"amount\": 100, \"currency\": \"EUR\"}, \"funderType\": \"STATE\"}")
                .statusCode(403);
        // another establishment's declaration is not this one's
        Accounts.declaredBy(holder, OTHER_SIRET);
        topUp(EMPLOYER, holder, corrective).statusCode(403);
        noTopUps(holder);

        Accounts.declaredBy(holder, SIRET);
        topUp(EMPLOYER, holder, corrective).statusCode(201)
                .body("funder", equalTo("EMPLOYER SIRET " + SIRET)).body("amount.amount", equalTo(300_000));
    }

    @Test
    void anEmployerRecordsOnlyItsOwnMoneyAndNeverTheWorkAccidentTopUp() {
        UUID holder = Accounts.open();
        Accounts.declaredBy(holder, SIRET);
        for (String funderType : new String[]{"STATE", "SOCIAL_SECURITY", "REGION", "OPCO", "FRANCE_TRAVAIL", "AGEFIPH", "HOLDER"}) {
            topUp(EMPLOYER, holder, "{\"kind\": \"VOLUNTARY\", \"amount\": {\"amount\": 100000, \"currency\": \"EUR\"}, \"funderType\": \""
                    + funderType + "\"}")
                    .statusCode(422).contentType("application/problem+json")
                    .body("type", equalTo("https://cpa.local/problems/funder-not-allowed"))
                    .body("errors.field", containsInAnyOrder("funderType"));
        }
        topUp(EMPLOYER, holder, "{\"kind\": \"WORK_ACCIDENT\", \"funderType\": \"SOCIAL_SECURITY\", \"incapacityPercent\": 12, \"reference\": \"AT-9\"}")
                .statusCode(422).body("errors.field", containsInAnyOrder("kind", "funderType"));
        topUp(EMPLOYER, holder, "{\"kind\": \"WORK_ACCIDENT\", \"funderType\": \"EMPLOYER\", \"incapacityPercent\": 12, \"reference\": \"AT-9\"}")
                .statusCode(422).body("errors.field", containsInAnyOrder("kind"));
        // a malformed body is still a 400 naming every bad field, the same for every caller
        topUp(EMPLOYER, holder, "{\"kind\": \"VOLUNTARY\", \"funderType\": \"PIRATE\"}")
                .statusCode(400).body("errors.field", hasItems("funderType", "amount.amount"));
        noTopUps(holder);

        topUp(EMPLOYER, holder, "{\"kind\": \"VOLUNTARY\", \"amount\": {\"amount\": 100000, \"currency\": \"EUR\"}, \"funderType\": \"EMPLOYER\"}")
                .statusCode(201).body("funder", equalTo("EMPLOYER SIRET " + SIRET));
    }

    @Test
    void staffRecordPublicFundersAndTheWorkAccidentTopUpForAnyHolder() {
        UUID holder = Accounts.open();
        topUp(TestTokens.role("advisor", "advisor-1"), holder,
                "{\"kind\": \"VOLUNTARY\", \"amount\": {\"amount\": 100000, \"currency\": \"EUR\"}, \"funderType\": \"FRANCE_TRAVAIL\"}")
                .statusCode(201).body("funder", equalTo("FRANCE_TRAVAIL advisor-1"));
        topUp(TestTokens.role("service", "cnam"), holder,
                "{\"kind\": \"WORK_ACCIDENT\", \"funderType\": \"SOCIAL_SECURITY\", \"incapacityPercent\": 12, \"reference\": \"AT-10\"}")
                .statusCode(201).body("funder", equalTo("SOCIAL_SECURITY cnam"));
    }
}
