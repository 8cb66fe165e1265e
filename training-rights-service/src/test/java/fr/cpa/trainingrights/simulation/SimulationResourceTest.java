package fr.cpa.trainingrights.simulation;

import fr.cpa.testing.CpaTestResources;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

/** The public simulator: no token, exactly the issue's request and response, every bad field named. */
@QuarkusTest
@QuarkusTestResource(value = CpaTestResources.class, restrictToAnnotatedClass = false)
class SimulationResourceTest {

    @Test
    void theIssuesExampleNeedsNoTokenAndIsRoundedUp() {
        given().contentType(ContentType.JSON).body(SimulationResource.REQUEST_EXAMPLE)
                .when().post("/api/v1/cpf/simulations")
                .then().statusCode(200)
                .body("years", hasSize(1))
                .body("years[0].year", equalTo(2022))
                .body("years[0].credit.amount", equalTo(21780))
                .body("years[0].credit.currency", equalTo("EUR"))
                .body("years[0].balanceAfter.amount", equalTo(21780))
                .body("years[0].capReached", equalTo(false))
                .body("years[0].explanation[0].rule", equalTo("EUROS_ERA_EMPLOYEE"))
                .body("years[0].explanation[0].parameters", hasItem("YEARLY_CREDIT = 500.00 € (2019-01-01 onwards)"))
                .body("years[0].explanation[0].arithmetic[1]", containsString("217.80 € (rounded up to the cent)"))
                .body("balance.amount", equalTo(21780))
                .body("hoursBalance", equalTo(0.0f));
    }

    @Test
    void hoursEraThenConversionThenMostFavourable() {
        given().contentType(ContentType.JSON).body(SimulationResource.HOURS_ERA_EXAMPLE)
                .when().post("/api/v1/cpf/simulations")
                .then().statusCode(200)
                // 2018: 96 h + 24 h = 120 h, credited in 2019 and converted: 1 800 €
                .body("years[0].creditHours", equalTo(24.0f))
                .body("years[0].creditMinutes", equalTo(1440))
                .body("years[0].converted.amount", equalTo(180000))
                .body("years[0].balanceAfter.amount", equalTo(180000))
                .body("years[0].hoursBalanceAfter", equalTo(0.0f))
                .body("years[0].explanation.rule", hasItem("CONVERSION_2019"))
                // 2019: forfait of 218 days → 500 €
                .body("years[1].credit.amount", equalTo(50000))
                // 2020: self-employed all year beats 300 h as an employee
                .body("years[2].category", equalTo("SELF_EMPLOYED"))
                .body("years[2].credit.amount", equalTo(50000))
                .body("years[2].explanation.rule", hasItem("MOST_FAVOURABLE"))
                .body("balance.amount", equalTo(280000));
    }

    @Test
    void difHoursAreOutsideTheHoursEraCapAndConvertWithTheCpfHours() {
        // DOMAIN.md §1, Conversion: 96 CPF h + 120 DIF h = 216 h → 3 240 €. 2015–2018 full time earn 96 h on the CPF;
        // the 120 DIF hours count neither for the 120 h step nor for the 150 h cap
        given().contentType(ContentType.JSON).body("""
                        {"holder": {"birthDate": "1980-01-15"}, "openingHours": 0, "openingDifHours": 120,
                         "years": [{"year": 2015, "activities": [{"kind": "EMPLOYEE", "workedHours": 1607}]},
                                   {"year": 2016, "activities": [{"kind": "EMPLOYEE", "workedHours": 1607}]},
                                   {"year": 2017, "activities": [{"kind": "EMPLOYEE", "workedHours": 1607}]},
                                   {"year": 2018, "activities": [{"kind": "EMPLOYEE", "workedHours": 1607}]}]}""")
                .when().post("/api/v1/cpf/simulations")
                .then().statusCode(200)
                .body("years.creditHours", equalTo(java.util.List.of(24.0f, 24.0f, 24.0f, 24.0f)))
                // before the conversion the DIF hours are still hours on the account
                .body("years[2].hoursBalanceAfter", equalTo(192.0f))
                .body("years[3].converted.amount", equalTo(324000))
                .body("years[3].explanation.arithmetic.flatten()", hasItem(containsString("96 h CPF + 120 h DIF = 216 h")))
                .body("balance.amount", equalTo(324000))
                .body("hoursBalance", equalTo(0.0f));
    }

    @Test
    void negativeDifHoursAreNamed() {
        given().contentType(ContentType.JSON).body("""
                        {"holder": {"birthDate": "1980-01-15"}, "openingDifHours": -1,
                         "years": [{"year": 2018, "activities": [{"kind": "EMPLOYEE", "workedHours": 1607}]}]}""")
                .when().post("/api/v1/cpf/simulations")
                .then().statusCode(400)
                .body("errors.field", hasItem("openingDifHours"));
    }

    @Test
    void civilServantsKeepHours() {
        given().contentType(ContentType.JSON).body("""
                        {"holder": {"birthDate": "1985-06-01", "lowQualified": true},
                         "years": [{"year": 2019, "activities": [{"kind": "CIVIL_SERVANT", "category": "C"}]},
                                   {"year": 2020, "activities": [{"kind": "CIVIL_SERVANT", "category": "C"}]}]}""")
                .when().post("/api/v1/cpf/simulations")
                .then().statusCode(200)
                .body("years[0].creditHours", equalTo(48.0f))
                .body("years[1].creditHours", equalTo(50.0f))
                .body("years[1].converted", nullValue())
                .body("hoursBalance", equalTo(98.0f))
                .body("hoursBalanceMinutes", equalTo(5880))
                .body("balance.amount", equalTo(0));
    }

    @Test
    void everyBadFieldIsNamed() {
        given().contentType(ContentType.JSON).body("""
                        {"holder": {"birthDate": "1990-04-02"},
                         "years": [{"year": 2014, "activities": [
                             {"kind": "PIRATE"},
                             {"kind": "EMPLOYEE", "workedHours": -5},
                             {"kind": "EMPLOYEE", "workedHours": 2500, "referenceHours": 1607},
                             {"kind": "CIVIL_SERVANT"},
                             {"kind": "SELF_EMPLOYED", "activityDays": 400}]}]}""")
                .when().post("/api/v1/cpf/simulations")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://cpa.local/problems/validation"))
                .body("errors.field", hasItems("years[0].year", "years[0].activities[0].kind",
                        "years[0].activities[1].workedHours", "years[0].activities[2].workedHours",
                        "years[0].activities[3].category", "years[0].activities[4].activityDays",
                        "years[0].activities[4].contributionPaid"))
                .body("errors", hasSize(7));
    }

    @Test
    void workedTimeAboveOneAndAHalfReferenceIsAcceptedWithAnExplanation() {
        given().contentType(ContentType.JSON).body("""
                        {"holder": {"birthDate": "1990-04-02"},
                         "years": [{"year": 2022, "activities": [{"kind": "EMPLOYEE", "workedHours": 2500,
                                    "workedTimeExplanation": "two full-time contracts"}]}]}""")
                .when().post("/api/v1/cpf/simulations")
                .then().statusCode(200)
                .body("years[0].credit.amount", equalTo(50000));
    }

    @Test
    void missingHolderAndYearsAreNamed() {
        given().contentType(ContentType.JSON).body("{}")
                .when().post("/api/v1/cpf/simulations")
                .then().statusCode(400)
                .body("errors.field", hasItems("holder", "years"));
    }

    @Test
    void theSimulatorIsDocumentedWithExamples() {
        given().when().get("/q/openapi?format=json")
                .then().statusCode(200)
                .body(containsString("/api/v1/cpf/simulations"))
                .body(containsString("part-time employee 2022"));
    }
}
