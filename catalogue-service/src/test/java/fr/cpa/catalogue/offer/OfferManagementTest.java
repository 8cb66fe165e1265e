package fr.cpa.catalogue.offer;

import fr.cpa.catalogue.support.Enrolments;
import fr.cpa.catalogue.support.Fixtures;
import fr.cpa.testing.CpaTestResources;
import fr.cpa.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static fr.cpa.catalogue.support.Fixtures.org;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@QuarkusTestResource(value = CpaTestResources.class, restrictToAnnotatedClass = false)
class OfferManagementTest {

    static final String FUTURE = LocalDate.now().plusYears(1).toString();

    static String create(String siret, Map<String, Object> offer) {
        return given().auth().oauth2(org(siret)).contentType(ContentType.JSON).body(offer)
                .when().post("/api/v1/organisations/" + siret + "/offers")
                .then().statusCode(201).extract().path("id");
    }

    @Test
    void anOrganisationRegistersWithALuhnValidSiretOnly() {
        String siret = Fixtures.siret();
        String bad = siret.substring(0, 13) + ((siret.charAt(13) - '0' + 1) % 10);
        given().auth().oauth2(org(bad)).contentType(ContentType.JSON)
                .body(Map.of("siret", bad, "name", "X"))
                .when().post("/api/v1/organisations")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("siret"));
        Fixtures.register(siret, FUTURE);
        given().when().get("/api/v1/organisations/" + siret)
                .then().statusCode(200).body("qualiopiValid", equalTo(true)).body("status", equalTo("ACTIVE"));
        given().auth().oauth2(org(siret)).contentType(ContentType.JSON)
                .body(Map.of("siret", siret, "name", "X"))
                .when().post("/api/v1/organisations").then().statusCode(409);
    }

    @Test
    void anOrganisationCannotRegisterAnotherSiret() {
        String mine = Fixtures.siret();
        String other = Fixtures.siret();
        given().auth().oauth2(org(mine)).contentType(ContentType.JSON)
                .body(Map.of("siret", other, "name", "X"))
                .when().post("/api/v1/organisations").then().statusCode(403);
    }

    @Test
    void aDraftIsCreatedAndOnlyEligibleActionsArePayable() {
        String siret = Fixtures.siret();
        Fixtures.register(siret, FUTURE);
        Map<String, Object> rs = Fixtures.offer(siret + "_RS", "Photoshop sur mesure");
        String id = create(siret, rs);
        given().auth().oauth2(org(siret)).when().get("/api/v1/organisations/" + siret + "/offers/" + id)
                .then().statusCode(200)
                .body("status", equalTo("DRAFT"))
                .body("cpfEligible", equalTo(true))
                .body("regionCodes", equalTo(List.of("76")))
                .body("price.amount", equalTo(120000));

        Map<String, Object> other = Fixtures.offer(siret + "_OTHER", "Atelier de découverte");
        other.put("certificationType", "OTHER");
        other.remove("certificationCode");
        String otherId = create(siret, other);
        given().auth().oauth2(org(siret)).when().get("/api/v1/organisations/" + siret + "/offers/" + otherId)
                .then().statusCode(200).body("cpfEligible", equalTo(false));
    }

    /**
     * DOMAIN.md §1 "Eligible purchases": volunteer-mission training (formation des bénévoles et volontaires) is an
     * action of L6323-6 without a register code, payable with the CPF (its CEC money only, training-rights' rule).
     */
    @Test
    void aVolunteerTrainingOfferNeedsNoCodeIsPublishedFoundAndItsTypeTravelsInTheRequest() {
        String siret = Fixtures.siret();
        Fixtures.register(siret, FUTURE);
        String word = "benevolat" + java.util.UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> offer = Fixtures.offer(siret + "_VOL", "Trésorerie associative " + word);
        offer.put("certificationType", "VOLUNTEER_TRAINING");
        offer.remove("certificationCode");
        offer.put("certificationTitle", "Formation des bénévoles et volontaires");
        offer.put("price", Map.of("amount", 42000, "currency", "EUR"));
        String id = create(siret, offer);
        String path = "/api/v1/organisations/" + siret + "/offers/" + id;
        given().auth().oauth2(org(siret)).when().get(path)
                .then().statusCode(200)
                .body("status", equalTo("DRAFT"))
                .body("certification.type", equalTo("VOLUNTEER_TRAINING"))
                .body("certification.code", nullValue())
                .body("cpfEligible", equalTo(true));
        given().auth().oauth2(org(siret)).when().post(path + "/publish")
                .then().statusCode(200).body("status", equalTo("PUBLISHED"));

        given().when().get("/api/v1/trainings?q=" + word + "&certificationType=VOLUNTEER_TRAINING")
                .then().statusCode(200)
                .body("items.id", equalTo(List.of(id)))
                .body("items[0].certification.type", equalTo("VOLUNTEER_TRAINING"))
                .body("items[0].cpfEligible", equalTo(true))
                .body("facets.certificationType.value", equalTo(List.of("VOLUNTEER_TRAINING")));

        LocalDate start = LocalDate.now().plusMonths(3);
        String sessionId = given().auth().oauth2(org(siret)).contentType(ContentType.JSON)
                .body(Map.of("startDate", start.toString(), "endDate", start.plusDays(1).toString(), "seats", 12,
                        "place", "Maison des associations", "departmentCode", "34", "remote", false))
                .when().post(path + "/sessions").then().statusCode(201).extract().path("id");
        java.util.UUID holder = java.util.UUID.randomUUID();
        String enrolment = Enrolments.request(holder, sessionId).statusCode(201)
                .body("certification.type", equalTo("VOLUNTEER_TRAINING")).extract().path("id");
        com.fasterxml.jackson.databind.JsonNode requested = Enrolments.event(enrolment, "EnrolmentRequested").path("data");
        org.junit.jupiter.api.Assertions.assertEquals("VOLUNTEER_TRAINING", requested.path("certificationType").asText());
        org.junit.jupiter.api.Assertions.assertTrue(requested.path("certificationCode").isNull(), requested.toString());
        org.junit.jupiter.api.Assertions.assertEquals(42000, requested.path("price").path("amount").asLong());
    }

    @Test
    void everyBadFieldIsNamed() {
        String siret = Fixtures.siret();
        Fixtures.register(siret, FUTURE);
        Map<String, Object> offer = Fixtures.offer(siret + "_BAD", " ");
        offer.put("romeCodes", List.of("Z99"));
        offer.put("durationMinutes", 0);
        given().auth().oauth2(org(siret)).contentType(ContentType.JSON).body(offer)
                .when().post("/api/v1/organisations/" + siret + "/offers")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("title"))
                .body("errors.field", hasItem("durationMinutes"));

        Map<String, Object> unknownDepartment = Fixtures.offer(siret + "_DEP", "Titre");
        unknownDepartment.put("departmentCode", "99");
        unknownDepartment.remove("certificationCode");
        given().auth().oauth2(org(siret)).contentType(ContentType.JSON).body(unknownDepartment)
                .when().post("/api/v1/organisations/" + siret + "/offers")
                .then().statusCode(400)
                .body("errors.field", containsInAnyOrder("departmentCode", "certificationCode"));
    }

    @Test
    void anotherOrganisationCannotReadChangeOrPublishTheOffer() {
        String owner = Fixtures.siret();
        String intruder = Fixtures.siret();
        Fixtures.register(owner, FUTURE);
        Fixtures.register(intruder, FUTURE);
        String id = create(owner, Fixtures.offer(owner + "_MINE", "Comptabilité"));
        String path = "/api/v1/organisations/" + owner + "/offers/" + id;

        // through the owner's path: the token is not bound to that SIRET
        given().auth().oauth2(org(intruder)).when().get(path).then().statusCode(403);
        given().auth().oauth2(org(intruder)).contentType(ContentType.JSON).body(Fixtures.offer(owner + "_MINE", "Pirate"))
                .when().put(path).then().statusCode(403);
        given().auth().oauth2(org(intruder)).when().post(path + "/publish").then().statusCode(403);
        given().auth().oauth2(org(intruder)).contentType(ContentType.JSON)
                .body(Map.of("startDate", FUTURE, "endDate", FUTURE, "seats", 3, "departmentCode", "34"))
                .when().post(path + "/sessions").then().statusCode(403);
        // through its own path: the offer is not its own
        given().auth().oauth2(org(intruder)).contentType(ContentType.JSON).body(Fixtures.offer(owner + "_MINE", "Pirate"))
                .when().put("/api/v1/organisations/" + intruder + "/offers/" + id).then().statusCode(404);
        // a holder is not an organisation
        given().auth().oauth2(TestTokens.holder(java.util.UUID.randomUUID())).when().get(path).then().statusCode(403);

        given().auth().oauth2(org(owner)).when().get(path).then().statusCode(200).body("title", equalTo("Comptabilité"));
    }

    @Test
    void withoutQualiopiAnOrganisationCannotPublishUntilStaffRecordsOne() {
        String siret = Fixtures.siret();
        Fixtures.register(siret, null);
        String id = create(siret, Fixtures.offer(siret + "_Q", "Anglais professionnel"));
        String path = "/api/v1/organisations/" + siret + "/offers/" + id;
        given().auth().oauth2(org(siret)).when().post(path + "/publish")
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("https://cpa.local/problems/qualiopi-required"));

        // the certificate decides whether it is paid: the organisation may not record its own
        given().auth().oauth2(org(siret)).contentType(ContentType.JSON)
                .body(Map.of("certificate", "QUALIOPI-1", "validUntil", FUTURE))
                .when().put("/api/v1/organisations/" + siret + "/qualiopi").then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(org(siret)).when().post(path + "/publish").then().statusCode(422);

        given().auth().oauth2(TestTokens.role("advisor", "advisor-1")).contentType(ContentType.JSON)
                .body(Map.of("certificate", "QUALIOPI-1", "validUntil", FUTURE))
                .when().put("/api/v1/organisations/" + siret + "/qualiopi").then().statusCode(200)
                .body("qualiopiValid", equalTo(true));
        given().auth().oauth2(org(siret)).when().post(path + "/publish")
                .then().statusCode(200).body("status", equalTo("PUBLISHED"));
    }

    @Test
    void anOrganisationCannotExtendItsOwnCertificateButReadsIt() {
        String siret = Fixtures.siret();
        Fixtures.register(siret, LocalDate.now().minusDays(1).toString());
        given().auth().oauth2(org(siret)).contentType(ContentType.JSON)
                .body(Map.of("certificate", "QUALIOPI-" + siret, "validUntil", FUTURE))
                .when().put("/api/v1/organisations/" + siret + "/qualiopi").then().statusCode(403);
        given().auth().oauth2(org(siret)).when().get("/api/v1/organisations/" + siret).then().statusCode(200)
                .body("qualiopi.validUntil", equalTo(LocalDate.now().minusDays(1).toString()))
                .body("qualiopiValid", equalTo(false));

        given().auth().oauth2(Fixtures.admin()).contentType(ContentType.JSON)
                .body(Map.of("certificate", "QUALIOPI-" + siret, "validUntil", FUTURE))
                .when().put("/api/v1/organisations/" + siret + "/qualiopi").then().statusCode(200)
                .body("qualiopi.validUntil", equalTo(FUTURE)).body("qualiopiValid", equalTo(true));
        given().auth().oauth2(Fixtures.admin()).contentType(ContentType.JSON)
                .body(Map.of("certificate", " ", "validUntil", FUTURE))
                .when().put("/api/v1/organisations/" + siret + "/qualiopi").then().statusCode(400)
                .body("errors.field", hasItem("certificate"));
    }

    @Test
    void anOrganisationCannotCertifyItselfWhenItRegisters() {
        String siret = Fixtures.siret();
        given().auth().oauth2(org(siret)).contentType(ContentType.JSON)
                .body(Map.of("siret", siret, "name", "Organisme " + siret, "declarationNumber", "76341234534",
                        "qualiopi", Map.of("certificate", "QUALIOPI-" + siret, "validUntil", FUTURE)))
                .when().post("/api/v1/organisations").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("qualiopi"));
        given().auth().oauth2(Fixtures.admin()).contentType(ContentType.JSON)
                .body(Map.of("siret", siret, "name", "Organisme " + siret, "declarationNumber", "76341234534",
                        "qualiopi", Map.of("certificate", "QUALIOPI-" + siret, "validUntil", FUTURE)))
                .when().post("/api/v1/organisations").then().statusCode(201).body("qualiopiValid", equalTo(true));
    }

    @Test
    void anExpiredCertificateOrASuspensionRefusesPublication() {
        String siret = Fixtures.siret();
        Fixtures.register(siret, LocalDate.now().minusDays(1).toString());
        String id = create(siret, Fixtures.offer(siret + "_EXP", "Excel"));
        given().auth().oauth2(org(siret)).when().post("/api/v1/organisations/" + siret + "/offers/" + id + "/publish")
                .then().statusCode(422);

        String suspended = Fixtures.siret();
        Fixtures.register(suspended, FUTURE);
        String other = create(suspended, Fixtures.offer(suspended + "_SUS", "Excel"));
        given().auth().oauth2(org(suspended)).contentType(ContentType.JSON).body(Map.of("status", "SUSPENDED"))
                .when().put("/api/v1/organisations/" + suspended + "/status").then().statusCode(403);
        given().auth().oauth2(Fixtures.admin()).contentType(ContentType.JSON).body(Map.of("status", "SUSPENDED"))
                .when().put("/api/v1/organisations/" + suspended + "/status").then().statusCode(200);
        given().auth().oauth2(org(suspended)).when().post("/api/v1/organisations/" + suspended + "/offers/" + other + "/publish")
                .then().statusCode(422);
    }

    @Test
    void sessionsGiveTheNextStartAndCancelledOnesDoNot() {
        String siret = Fixtures.siret();
        Fixtures.register(siret, FUTURE);
        String id = create(siret, Fixtures.offer(siret + "_S", "Soudure"));
        String path = "/api/v1/organisations/" + siret + "/offers/" + id;
        LocalDate first = LocalDate.now().plusDays(10);
        LocalDate second = LocalDate.now().plusDays(40);
        String s1 = given().auth().oauth2(org(siret)).contentType(ContentType.JSON)
                .body(Map.of("startDate", first.toString(), "endDate", first.plusDays(2).toString(), "seats", 8,
                        "place", "Montpellier", "departmentCode", "34"))
                .when().post(path + "/sessions").then().statusCode(201).extract().path("id");
        given().auth().oauth2(org(siret)).contentType(ContentType.JSON)
                .body(Map.of("startDate", second.toString(), "endDate", second.toString(), "seats", 8, "remote", true))
                .when().post(path + "/sessions").then().statusCode(201);
        given().auth().oauth2(org(siret)).when().get(path).then().body("nextSessionStart", equalTo(first.toString()));

        given().auth().oauth2(org(siret)).when().delete(path + "/sessions/" + s1)
                .then().statusCode(200).body("status", equalTo("CANCELLED"));
        given().auth().oauth2(org(siret)).when().get(path).then().body("nextSessionStart", equalTo(second.toString()));

        given().auth().oauth2(org(siret)).contentType(ContentType.JSON)
                .body(Map.of("startDate", second.toString(), "endDate", first.toString(), "seats", 8, "departmentCode", "34"))
                .when().post(path + "/sessions").then().statusCode(400).body("errors.field", hasItem("endDate"));
    }

    @Test
    void anUnknownOfferIsNotFound() {
        String siret = Fixtures.siret();
        Fixtures.register(siret, FUTURE);
        given().auth().oauth2(org(siret)).when().get("/api/v1/organisations/" + siret + "/offers/" + java.util.UUID.randomUUID())
                .then().statusCode(404).body("nextSessionStart", nullValue());
    }
}
