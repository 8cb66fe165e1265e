package fr.cpa.catalogue.job;

import fr.cpa.catalogue.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
        String id = publishWithRncp34001Only(siret, "_RNCP", "Conduite d'engins agricoles");

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

    /**
     * A job's offers are the ones the search's {@code rome} filter lists, counted the same, and only listed offers:
     * a suspended organisation's offers and a withdrawn offer leave both.
     */
    @Test
    void aJobCountsTheOffersTheSearchListsForItAndOnlyListedOnes() {
        String siret = Fixtures.siret();
        Fixtures.register(siret, LocalDate.now().plusYears(1).toString());
        String certificationId = publishWithRncp34001Only(siret, "_CERT", "0000 Conduite d'engins, listée");
        Map<String, Object> viaRome = Fixtures.offer(siret + "_OWN", "0000 Conduite d'engins, retirée");
        viaRome.put("romeCodes", List.of("A1101"));
        String romeId = Fixtures.publish(siret, viaRome);

        int listed = jobOffersMatchTheSearch();
        List<String> ids = given().when().get("/api/v1/jobs/A1101").then().extract().path("offers.id");
        assertTrue(ids.containsAll(List.of(certificationId, romeId)), "both ways listed: " + ids);

        given().auth().oauth2(Fixtures.org(siret)).when()
                .post("/api/v1/organisations/" + siret + "/offers/" + romeId + "/withdraw").then().statusCode(200);
        assertEquals(listed - 1, jobOffersMatchTheSearch());
        given().auth().oauth2(Fixtures.admin()).contentType(ContentType.JSON).body(Map.of("status", "SUSPENDED"))
                .when().put("/api/v1/organisations/" + siret + "/status").then().statusCode(200);
        assertEquals(listed - 2, jobOffersMatchTheSearch());
        given().when().get("/api/v1/jobs/A1101").then().body("offers.id", not(hasItem(certificationId)));
    }

    /** More offers than a page: the page has the first 20 by title, the total counts them all. */
    @Test
    void aJobWithMoreOffersThanAPageCountsThemAll() {
        String siret = Fixtures.siret();
        Fixtures.register(siret, LocalDate.now().plusYears(1).toString());
        int before = given().when().get("/api/v1/jobs/N4101").then().statusCode(200).extract().path("offersTotal");
        for (int i = 0; i < 21; i++) {
            Map<String, Object> offer = Fixtures.offer(siret + "_N" + i, String.format("0000 Conduite routière %02d", i));
            offer.put("romeCodes", List.of("N4101"));
            Fixtures.publish(siret, offer);
        }
        List<String> titles = given().when().get("/api/v1/jobs/N4101").then().statusCode(200)
                .body("offersTotal", equalTo(before + 21))
                .body("offers.size()", equalTo(20))
                .extract().path("offers.title");
        // "0000 …" comes first in title order
        assertTrue(titles.stream().allMatch(t -> t.startsWith("0000 Conduite routière")), "first by title: " + titles);
    }

    /** An offer of RNCP34001 (which leads to A1101 and N2201) without ROME codes of its own; its id. */
    private static String publishWithRncp34001Only(String siret, String numberSuffix, String title) {
        Map<String, Object> offer = Fixtures.offer(siret + numberSuffix, title);
        offer.put("certificationType", "RNCP");
        offer.put("certificationCode", "RNCP34001");
        offer.put("romeCodes", List.of());
        return Fixtures.publish(siret, offer);
    }

    /** A1101's offers total, checked equal to the search's total for {@code rome=A1101}. */
    private static int jobOffersMatchTheSearch() {
        int total = given().when().get("/api/v1/jobs/A1101").then().statusCode(200).extract().path("offersTotal");
        given().when().get("/api/v1/trainings?rome=A1101").then().statusCode(200).body("total", equalTo(total));
        return total;
    }

    @Test
    void unknownOrMalformedCodes() {
        given().when().get("/api/v1/jobs/Z9999").then().statusCode(400).body("errors.field", hasItem("code"));
        given().when().get("/api/v1/jobs/A9999").then().statusCode(404);
    }
}
