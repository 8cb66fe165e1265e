package fr.cpa.catalogue.recommendation;

import fr.cpa.catalogue.support.Fixtures;
import fr.cpa.platform.contract.Topics;
import fr.cpa.testing.TestEvents;
import fr.cpa.testing.TestKafka;
import fr.cpa.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

/** Recommendations from the skills profile and CPF balance carried by events, on the real broker. */
@QuarkusTest
class RecommendationTest {

    static String skills(UUID holder, String region, String... jobs) {
        String list = String.join(",", java.util.Arrays.stream(jobs).map(j -> "\"" + j + "\"").toList());
        return TestEvents.envelope(UUID.randomUUID(), "HolderSkillsUpdated", "account-service", holder, """
                {"holderId":"%s","skills":["java"],"targetJobs":[%s],"region":"%s"}""".formatted(holder, list, region));
    }

    static String credited(UUID holder, long available) {
        String money = "{\"amount\":%d,\"currency\":\"EUR\"}";
        return TestEvents.envelope(UUID.randomUUID(), "CpfCredited", "training-rights-service", holder, """
                {"holderId":"%s","entryId":"%s","kind":"ACQUISITION","amount":{"amount":50000,"currency":"EUR"},
                 "minutes":null,"year":2025,"balancesAfter":{"ordinary":%s,"cec":%s,"topUps":%s,"held":%s,
                 "available":%s,"hoursMinutes":0}}""".formatted(holder, UUID.randomUUID(), money.formatted(available),
                money.formatted(0), money.formatted(0), money.formatted(0), money.formatted(available)));
    }

    @Test
    void offersLeadingToTargetJobsWithinBalanceAndRegionAreExplained() {
        String siret = Fixtures.siret();
        Fixtures.register(siret, LocalDate.now().plusYears(1).toString());
        String word = "reco" + UUID.randomUUID().toString().substring(0, 6).replace("-", "");
        Map<String, Object> affordable = Fixtures.offer(siret + "_R1", "Développeur web " + word);
        affordable.put("romeCodes", List.of("M1805"));
        affordable.put("price", Map.of("amount", 120000, "currency", "EUR"));
        affordable.put("departmentCode", "34");
        Map<String, Object> tooDear = Fixtures.offer(siret + "_R2", "Développeur expert " + word);
        tooDear.put("romeCodes", List.of("M1805"));
        tooDear.put("price", Map.of("amount", 145001, "currency", "EUR"));
        Map<String, Object> elsewhere = Fixtures.offer(siret + "_R3", "Développeur Lille " + word);
        elsewhere.put("romeCodes", List.of("M1805"));
        elsewhere.put("departmentCode", "59");
        Map<String, Object> remote = Fixtures.offer(siret + "_R4", "Développeur à distance " + word);
        remote.put("romeCodes", List.of("M1805"));
        remote.put("modality", "REMOTE");
        remote.put("departmentCode", null);
        remote.put("price", Map.of("amount", 145000, "currency", "EUR"));
        String a = Fixtures.publish(siret, affordable);
        String dear = Fixtures.publish(siret, tooDear);
        String away = Fixtures.publish(siret, elsewhere);
        String online = Fixtures.publish(siret, remote);

        UUID holder = UUID.randomUUID();
        TestKafka.send(Topics.HOLDER, holder.toString(), skills(holder, "76", "M1805"));
        TestKafka.send(Topics.CPF, holder.toString(), credited(holder, 145000));

        await().atMost(Duration.ofSeconds(40)).untilAsserted(() ->
                given().auth().oauth2(TestTokens.holder(holder)).when().get("/api/v1/holders/" + holder + "/recommendations")
                        .then().statusCode(200).body("available.amount", equalTo(145000)).body("region", equalTo("76"))
                        .body("items.offerId", hasItems(a, online)));
        List<String> ids = given().auth().oauth2(TestTokens.holder(holder))
                .when().get("/api/v1/holders/" + holder + "/recommendations")
                .then().statusCode(200)
                .body("targetJobs", contains("M1805"))
                .body("items.id", not(hasItem(dear)))
                .body("items.find { it.offerId == '" + a + "' }.explanation",
                        equalTo("leads to M1805; costs 1 200 €, you have 1 450 €"))
                .body("items.find { it.offerId == '" + a + "' }.jobs[0].title", equalTo("Développeur / Développeuse informatique"))
                .extract().path("items.offerId");
        org.junit.jupiter.api.Assertions.assertTrue(ids.contains(a) && ids.contains(online), ids.toString());
        org.junit.jupiter.api.Assertions.assertFalse(ids.contains(dear) || ids.contains(away), ids.toString());
    }

    @Test
    void anOfferReachingMoreTargetJobsComesFirstWhicheverWayItLeadsToThem() {
        String siret = Fixtures.siret();
        Fixtures.register(siret, LocalDate.now().plusYears(1).toString());
        // A1203 by its own ROME code and G1101 through its certification (RNCP34001 leads to A1101, G1101, N2201)
        Map<String, Object> two = Fixtures.offer(siret + "_TWO", "Entretien des espaces verts et engins");
        two.put("romeCodes", List.of("A1203"));
        two.put("certificationType", "RNCP");
        two.put("certificationCode", "RNCP34001");
        two.put("price", Map.of("amount", 140000, "currency", "EUR"));
        two.put("departmentCode", "34");
        // A1203 only, and much cheaper: cheaper comes second to reaching more of the holder's jobs
        Map<String, Object> one = Fixtures.offer(siret + "_ONE", "Entretien des espaces verts");
        one.put("romeCodes", List.of("A1203"));
        one.put("price", Map.of("amount", 10000, "currency", "EUR"));
        one.put("departmentCode", "34");
        String twoId = Fixtures.publish(siret, two);
        String oneId = Fixtures.publish(siret, one);

        UUID holder = UUID.randomUUID();
        TestKafka.send(Topics.HOLDER, holder.toString(), skills(holder, "76", "G1101", "A1203"));
        TestKafka.send(Topics.CPF, holder.toString(), credited(holder, 145000));

        await().atMost(Duration.ofSeconds(40)).untilAsserted(() ->
                given().auth().oauth2(TestTokens.holder(holder)).when().get("/api/v1/holders/" + holder + "/recommendations")
                        .then().statusCode(200).body("available.amount", equalTo(145000))
                        // the skills and the balance arrive on two topics, read by two consumers: wait for both
                        .body("targetJobs", containsInAnyOrder("G1101", "A1203"))
                        .body("items.offerId", hasItems(twoId, oneId)));
        List<String> ids = given().auth().oauth2(TestTokens.holder(holder))
                .when().get("/api/v1/holders/" + holder + "/recommendations")
                .then().statusCode(200)
                .body("items[0].offerId", equalTo(twoId))
                .body("items[0].jobs.code", contains("A1203", "G1101"))
                .body("items[0].jobs.title", contains("Agent / Agente d'entretien des espaces verts",
                        "Agent / Agente d'accueil touristique"))
                .body("items[0].explanation", equalTo("leads to A1203, G1101; costs 1 400 €, you have 1 450 €"))
                .body("items.find { it.offerId == '" + oneId + "' }.jobs.code", contains("A1203"))
                .extract().path("items.offerId");
        org.junit.jupiter.api.Assertions.assertEquals(1, ids.stream().filter(twoId::equals).count(), ids.toString());
    }

    /**
     * Volunteer-mission training is paid with CEC money only (DOMAIN.md §1): the balance read here does not tell that
     * money apart, and the training prepares a volunteer's mission, not a job, so it is never recommended.
     */
    @Test
    void volunteerTrainingIsNotRecommendedEvenWhenItLeadsToATargetJob() {
        String siret = Fixtures.siret();
        Fixtures.register(siret, LocalDate.now().plusYears(1).toString());
        Map<String, Object> volunteer = Fixtures.offer(siret + "_VOL", "Animer une association de quartier");
        volunteer.put("certificationType", "VOLUNTEER_TRAINING");
        volunteer.remove("certificationCode");
        volunteer.put("romeCodes", List.of("K1206"));
        volunteer.put("price", Map.of("amount", 10000, "currency", "EUR"));
        Map<String, Object> rs = Fixtures.offer(siret + "_RS", "Animateur socioculturel");
        rs.put("romeCodes", List.of("K1206"));
        rs.put("price", Map.of("amount", 20000, "currency", "EUR"));
        String volunteerId = Fixtures.publish(siret, volunteer);
        String rsId = Fixtures.publish(siret, rs);

        UUID holder = UUID.randomUUID();
        TestKafka.send(Topics.HOLDER, holder.toString(), skills(holder, "76", "K1206"));
        TestKafka.send(Topics.CPF, holder.toString(), credited(holder, 145000));
        await().atMost(Duration.ofSeconds(40)).untilAsserted(() ->
                given().auth().oauth2(TestTokens.holder(holder)).when().get("/api/v1/holders/" + holder + "/recommendations")
                        .then().statusCode(200).body("available.amount", equalTo(145000))
                        .body("targetJobs", contains("K1206"))
                        .body("items.offerId", hasItem(rsId)));
        List<String> ids = given().auth().oauth2(TestTokens.holder(holder))
                .when().get("/api/v1/holders/" + holder + "/recommendations")
                .then().statusCode(200).extract().path("items.offerId");
        org.junit.jupiter.api.Assertions.assertFalse(ids.contains(volunteerId), ids.toString());
    }

    @Test
    void anotherHolderIsRefused() {
        UUID holder = UUID.randomUUID();
        given().auth().oauth2(TestTokens.holder(UUID.randomUUID())).when().get("/api/v1/holders/" + holder + "/recommendations")
                .then().statusCode(403);
        given().auth().oauth2(Fixtures.org(Fixtures.siret())).when().get("/api/v1/holders/" + holder + "/recommendations")
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.holder(holder)).when().get("/api/v1/holders/" + holder + "/recommendations")
                .then().statusCode(200).body("items.size()", equalTo(0));
    }
}
