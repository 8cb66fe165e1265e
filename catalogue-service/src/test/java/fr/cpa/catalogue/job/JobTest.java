package fr.cpa.catalogue.job;

import fr.cpa.catalogue.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Jobs of ROME 4.0 and the RNCP→ROME links, loaded at start from the shipped reference files. */
@QuarkusTest
class JobTest {

    @Test
    void aJobHasItsTreeAndAlternativeTitles() {
        given().when().get("/api/v1/jobs/M1805").then().statusCode(200)
                .body("title", equalTo("Développeur / Développeuse informatique"))
                .body("grandDomaine.code", equalTo("M"))
                .body("grandDomaine.title", equalTo("Support à l'entreprise"))
                .body("domaine.code", equalTo("M18"))
                .body("titles.size()", greaterThan(10));
    }

    @Test
    void searchIgnoresAccentsAndFindsAlternativeTitles() {
        given().when().get("/api/v1/jobs?q=developpeur informatique").then().statusCode(200)
                .body("items.code", hasItem("M1805"));
        given().when().get("/api/v1/jobs?q=m1805").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].code", equalTo("M1805"));
        given().when().get("/api/v1/jobs?q=comptabel").then().statusCode(200).body("items.code", hasItem("M1203"));
    }

    @Test
    void anRncpOfferLeadsToItsRomeJobsWithoutRomeCodes() {
        String siret = Fixtures.siret();
        Fixtures.register(siret, LocalDate.now().plusYears(1).toString());
        Map<String, Object> offer = Fixtures.offer(siret + "_RNCP", "Conduite d'engins agricoles");
        offer.put("certificationType", "RNCP");
        offer.put("certificationCode", "RNCP34001");
        offer.put("romeCodes", List.of());
        String id = Fixtures.publish(siret, offer);

        given().when().get("/api/v1/trainings/" + id).then().statusCode(200)
                .body("romeCodes.size()", equalTo(0))
                .body("jobs.code", hasItem("A1101"))
                .body("jobs.code", hasItem("N2201"));
        given().when().get("/api/v1/jobs/A1101").then().statusCode(200)
                .body("certifications.code", hasItem("RNCP34001"))
                .body("offers.id", hasItem(id))
                .body("offersTotal", greaterThan(0));
    }

    @Test
    void anOfferLeadingToAJobBothWaysCountsOnce() {
        String siret = Fixtures.siret();
        Fixtures.register(siret, LocalDate.now().plusYears(1).toString());
        int before = given().when().get("/api/v1/jobs/A1101").then().statusCode(200).extract().path("offersTotal");
        // by its ROME code and through its certification (RNCP34001 leads to A1101)
        Map<String, Object> both = Fixtures.offer(siret + "_BOTH", "0000 Conduite d'engins, les deux chemins");
        both.put("certificationType", "RNCP");
        both.put("certificationCode", "RNCP34001");
        both.put("romeCodes", List.of("A1101"));
        String bothId = Fixtures.publish(siret, both);
        // by its ROME code only
        Map<String, Object> rome = Fixtures.offer(siret + "_ROME", "0000 Conduite d'engins, par le code ROME");
        rome.put("romeCodes", List.of("A1101"));
        String romeId = Fixtures.publish(siret, rome);

        List<String> ids = given().when().get("/api/v1/jobs/A1101").then().statusCode(200)
                .body("offersTotal", equalTo(before + 2))
                .extract().path("offers.id");
        assertEquals(1, ids.stream().filter(bothId::equals).count(), "listed once: " + ids);
        assertEquals(1, ids.stream().filter(romeId::equals).count(), "listed once: " + ids);
    }

    @Test
    void unknownOrMalformedCodes() {
        given().when().get("/api/v1/jobs/Z9999").then().statusCode(400).body("errors.field", hasItem("code"));
        given().when().get("/api/v1/jobs/A9999").then().statusCode(404);
    }
}
