package fr.cpa.civic.simulation;

import fr.cpa.testing.CpaTestResources;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

/** {@code POST /api/v1/cec/simulations}: public, stateless, the issue's example and every bad field named. */
@QuarkusTest
@QuarkusTestResource(value = CpaTestResources.class, restrictToAnnotatedClass = false)
class SimulationResourceTest {

    @Test
    void theIssueExampleEarns240EurosWithoutAToken() {
        given().contentType("application/json").body(SimulationResource.EXAMPLE_REQUEST)
                .when().post("/api/v1/cec/simulations")
                .then().statusCode(200)
                .body("years[0].year", equalTo(2023))
                .body("years[0].credit.amount", equalTo(24000))
                .body("years[0].credit.currency", equalTo("EUR"))
                .body("years[0].creditHours", nullValue())
                .body("years[0].explanation", hasItem("2023: association volunteering qualifies for the yearly credit"))
                .body("total.amount", equalTo(24000));
    }

    @Test
    void yearsOf2017And2018AreInHoursAndTheCapCutsTheEuros() {
        String body = """
                {"years": [
                  {"year": 2017, "activities": [{"kind": "MILITARY_RESERVE", "days": 90}, {"kind": "HEALTH_RESERVE", "days": 30}]},
                  {"year": 2019, "activities": [{"kind": "CIVIC_SERVICE", "months": 6}, {"kind": "POLICE_RESERVE", "continuousYears": 3, "duties": 75}]},
                  {"year": 2020, "activities": [{"kind": "VOLUNTEER_FIREFIGHTER", "engagementYears": 5}]}]}""";
        given().contentType("application/json").body(body)
                .when().post("/api/v1/cec/simulations")
                .then().statusCode(200)
                .body("years[0].creditHours", equalTo(40))
                .body("years[0].credit", nullValue())
                // 40 h count as 480 € toward the 720 € cap: 2019 gets 240 €, 2020 nothing.
                .body("years[1].credit.amount", equalTo(24000))
                .body("years[2].credit.amount", equalTo(0))
                .body("years[2].explanation", hasItem("2020: nothing credited, the cap of 720.00 € is reached"))
                .body("total.amount", equalTo(24000))
                .body("totalHours", equalTo(40));
    }

    @Test
    void eachBadFieldIsNamed() {
        String body = """
                {"years": [
                  {"year": 2016, "activities": [{"kind": "CIVIC_SERVICE"}]},
                  {"year": 2023, "activities": [{"kind": "ASSOCIATION_VOLUNTEERING", "hours": 150, "maxHoursInOneAssociation": 160, "days": 3},
                                                {"kind": "MILITARY_RESERVE", "days": -1}]},
                  {"year": 2023, "activities": [{"kind": "EDUCATION_RESERVE", "interventions": 30}]}]}""";
        given().contentType("application/json").body(body)
                .when().post("/api/v1/cec/simulations")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("years[0].year", "years[1].activities[1].days"));
        String crossField = """
                {"years": [
                  {"year": 2019, "activities": [{"kind": "CIVIC_SERVICE"}]},
                  {"year": 2023, "activities": [{"kind": "ASSOCIATION_VOLUNTEERING", "hours": 150, "maxHoursInOneAssociation": 160, "days": 3}]},
                  {"year": 2023, "activities": [{"kind": "EDUCATION_RESERVE", "interventions": 30}]},
                  {"year": 2030, "activities": [{"kind": "EDUCATION_RESERVE", "interventions": 30}]}]}""";
        given().contentType("application/json").body(crossField)
                .when().post("/api/v1/cec/simulations")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("years[0].activities[0].months",
                        "years[1].activities[0].days", "years[1].activities[0].maxHoursInOneAssociation",
                        "years[2].year", "years[3].year"));
    }

    @Test
    void theOpenApiDocumentShowsTheEndpointWithItsExample() {
        given().when().get("/q/openapi?format=json")
                .then().statusCode(200)
                .body(containsString("/api/v1/cec/simulations"))
                .body(containsString("maxHoursInOneAssociation"))
                .body(containsString("/api/v1/engagements/batch"));
    }

    @Test
    void anUnknownKindIsNamedWithTheKindsAllowed() {
        given().contentType("application/json")
                .body("{\"years\": [{\"year\": 2023, \"activities\": [{\"kind\": \"KNITTING\"}]}]}")
                .when().post("/api/v1/cec/simulations")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("years[0].activities[0].kind"));
    }
}
