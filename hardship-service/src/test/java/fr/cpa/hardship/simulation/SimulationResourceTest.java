package fr.cpa.hardship.simulation;

import fr.cpa.testing.CpaTestResources;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** {@code POST /api/v1/c2p/simulations}: public, stateless, the issue's request and response. */
@QuarkusTest
@QuarkusTestResource(value = CpaTestResources.class, restrictToAnnotatedClass = false)
class SimulationResourceTest {

    @Test
    void theIssuesExampleEarnsFourPointsWithoutAToken() {
        given().contentType("application/json").body("""
                        {"birthDate": "1975-06-01", "years": [{"year": 2024, "exposures": [{"factor": "NIGHT_WORK", "nights": 110, "months": 12}]}]}""")
                .when().post("/api/v1/c2p/simulations")
                .then().statusCode(200)
                .body("years[0].year", equalTo(2024))
                .body("years[0].points", equalTo(4))
                .body("years[0].explanation", hasItem(containsString("110 nights ≥ 100")))
                .body("total", equalTo(4));
    }

    @Test
    void yearsAreScoredOldestFirstWithTheCapUntil2023AndDoubling() {
        // born before 1 Jul 1956: doubled; 2022 whole year, two factors: 8 × 2 = 16; 2024 three factors: 12 × 2 = 24
        given().contentType("application/json").body("""
                        {"birthDate": "1956-06-30", "years": [
                          {"year": 2024, "exposures": [{"factor": "NIGHT_WORK", "nights": 150, "months": 12},
                             {"factor": "NOISE", "peaks": 130, "months": 12}, {"factor": "HYPERBARIC", "interventions": 60, "months": 12}]},
                          {"year": 2022, "exposures": [{"factor": "REPETITIVE_WORK", "hours": 900, "months": 12},
                             {"factor": "ALTERNATING_SHIFTS", "nights": 49, "months": 12}, {"factor": "EXTREME_TEMPERATURES", "hours": 1000, "months": 12}]}]}""")
                .when().post("/api/v1/c2p/simulations")
                .then().statusCode(200)
                .body("years.year", equalTo(java.util.List.of(2022, 2024)))
                .body("years[0].points", equalTo(16))
                .body("years[1].points", equalTo(24))
                .body("total", equalTo(40));
    }

    @Test
    void everyBadFieldIsNamed() {
        given().contentType("application/json").body("""
                        {"years": [{"year": 2014, "exposures": [
                           {"factor": "NIGHT_WORK", "hours": 110, "months": 12},
                           {"factor": "LOUD_MUSIC", "hours": 10, "months": 13},
                           {"factor": "NOISE", "hours": 700, "peaks": 200, "months": 12},
                           {"factor": "HYPERBARIC", "interventions": -1}]},
                         {"year": 2024}]}""")
                .when().post("/api/v1/c2p/simulations")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder(
                        "birthDate",
                        "years[0].year",
                        "years[0].exposures[0].hours",
                        "years[0].exposures[1].factor",
                        "years[0].exposures[1].months",
                        "years[0].exposures[2]",
                        "years[0].exposures[3].interventions",
                        "years[0].exposures[3].months",
                        "years[1].exposures"));
    }

    @Test
    void anEmptyBodyIsRefused() {
        given().contentType("application/json").body("{}")
                .when().post("/api/v1/c2p/simulations")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("birthDate", "years"));
    }

    @Test
    void theOpenApiDocumentDescribesTheSimulationWithItsExample() {
        given().when().get("/q/openapi?format=json")
                .then().statusCode(200)
                .body(containsString("/api/v1/c2p/simulations"))
                .body(containsString("Simulate C2P points"))
                .body(containsString("1975-06-01"));
    }
}
