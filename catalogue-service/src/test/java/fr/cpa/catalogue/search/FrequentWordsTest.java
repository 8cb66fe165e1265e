package fr.cpa.catalogue.search;

import fr.cpa.catalogue.support.Fixtures;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static fr.cpa.catalogue.support.Fixtures.org;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A one-word search of a frequent word reads the word's list (V15) and must answer exactly as the full-text
 * search does: same total, facets, page and scores, with every filter the lists take, before and after the
 * offers change. The test's word is made up for this run; "frequent" here means held by two offers or more.
 */
@QuarkusTest
class FrequentWordsTest {

    @Inject
    AgroalDataSource dataSource;

    static final String WORD = TrainingSearchTest.marker();
    static final List<String> SEARCHES = List.of("q=" + WORD, "q=" + WORD.toUpperCase(), "q=" + WORD + "&region=76",
            "q=" + WORD + "&certificationType=RNCP", "q=" + WORD + "&modality=REMOTE", "q=" + WORD + "&maxPrice=150000",
            "q=" + WORD + "&region=11&maxPrice=250000&modality=ON_SITE", "q=" + WORD + "&certificationType=RS&region=84",
            "q=" + WORD + "&size=2&page=1", "q=" + WORD + "&size=2&page=9", "q=l'" + WORD, "q= " + WORD + "s ",
            "q=" + WORD + "-x", "q=le " + WORD, "q=\"" + WORD + "\"", "q=-" + WORD, "q=" + WORD + "&sort=price");
    static String siret;
    static final List<String> IDS = new ArrayList<>();

    static synchronized void seed() {
        if (siret != null) {
            return;
        }
        siret = Fixtures.siret();
        Fixtures.register(siret, LocalDate.now().plusYears(1).toString());
        IDS.add(publish("A", "Comptabilité " + WORD, "Contenu", "RS", "34", "ON_SITE", 120000));
        IDS.add(publish("B", "Développement " + WORD, "Contenu", "RNCP", "75", "MIXED", 250000));
        IDS.add(publish("C", "Anglais " + WORD, "Contenu " + WORD + " " + WORD, "RS", null, "REMOTE", 90000));
        IDS.add(publish("D", "Gestion de la paie", "Contenu " + WORD, "RS", "31", "ON_SITE", 180000));
        IDS.add(publish("E", "Paie " + WORD, "Contenu", "RNCP", "75", "ON_SITE", 200000));
        IDS.add(publish("F", "Comptabilité approfondie " + WORD, "Contenu", "RS", "69", "ON_SITE", 140000));
    }

    static String publish(String key, String title, String content, String type, String department, String modality,
                          long price) {
        return Fixtures.publish(siret, offer(key, title, content, type, department, modality, price));
    }

    static Map<String, Object> offer(String key, String title, String content, String type, String department,
                                     String modality, long price) {
        Map<String, Object> offer = Fixtures.offer(siret + "_" + key, title);
        offer.put("content", content);
        offer.put("certificationType", type);
        offer.put("certificationCode", type.equals("RS") ? "RS5001" : "RNCP34001");
        offer.put("departmentCode", department);
        offer.put("modality", modality);
        offer.put("price", Map.of("amount", price, "currency", "EUR"));
        return offer;
    }

    /** The bodies of every search, as they are now. */
    static List<String> answers() {
        List<String> bodies = new ArrayList<>();
        for (String search : SEARCHES) {
            bodies.add(given().when().get("/api/v1/trainings?" + search).then().statusCode(200).extract().asString());
        }
        return bodies;
    }

    void choose(int minOffers, double maxShare) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            FrequentWordChoice.choose(c, minOffers, maxShare);
        }
    }

    /** No word is frequent: every search ranks its matches. */
    void chooseNone() throws SQLException {
        choose(Integer.MAX_VALUE, 1.0);
    }

    boolean frequent() throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select exists (select 1 from frequent_word f"
                     + " join frequent_word_offer w on w.lexeme = f.lexeme"
                     + " where f.lexeme = any (tsvector_to_array(to_tsvector('french_unaccent', ?))))")) {
            ps.setString(1, WORD);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    /**
     * The answers with the word's list as it is now (kept by the triggers since the last choice) are those of
     * the full-text search; the list is chosen again after.
     */
    void assertListAnswersAsFullText() throws SQLException {
        assertTrue(frequent());
        List<String> withList = answers();
        chooseNone();
        assertFalse(frequent());
        assertEquals(answers(), withList);
        choose(2, 1.0);
    }

    @Test
    void aFrequentWordsListAnswersAsTheFullTextSearch() throws SQLException {
        seed();
        try {
            choose(2, 1.0);
            assertListAnswersAsFullText();
            // the answers compared are not empty: title (A) ranks before content (C), ties by id
            given().when().get("/api/v1/trainings?q=" + WORD).then().statusCode(200)
                    .body("total", equalTo(6))
                    .body("items[5].id", equalTo(IDS.get(3)))
                    .body("facets.certificationType.find { it.value == 'RNCP' }.count", equalTo(2))
                    .body("facets.modality.find { it.value == 'REMOTE' }.count", equalTo(1));
            given().when().get("/api/v1/trainings?q=" + WORD + "&region=11&maxPrice=250000&modality=ON_SITE")
                    .then().statusCode(200).body("total", equalTo(1)).body("items[0].id", equalTo(IDS.get(4)));
        } finally {
            choose(FrequentWordChoice.DEFAULT_MIN_OFFERS, FrequentWordChoice.DEFAULT_MAX_SHARE);
        }
    }

    @Test
    void theListFollowsItsOffersAsTheyAreWritten() throws SQLException {
        seed();
        try {
            choose(2, 1.0);
            assertTrue(frequent());
            // a new offer joins the list, a withdrawn one leaves it, a new price moves it in or out of maxPrice
            String added = publish("G" + IDS.size(), "Logistique " + WORD, "Contenu", "RS", "13", "ON_SITE", 100000);
            given().when().get("/api/v1/trainings?q=" + WORD + "&size=100").then().statusCode(200)
                    .body("items.id", hasItem(added));
            given().auth().oauth2(org(siret)).when().post("/api/v1/organisations/" + siret + "/offers/" + added + "/withdraw")
                    .then().statusCode(200);
            given().when().get("/api/v1/trainings?q=" + WORD + "&size=100").then().statusCode(200)
                    .body("items.id", not(hasItem(added)));
            given().auth().oauth2(org(siret)).contentType(ContentType.JSON)
                    .body(offer("A", "Comptabilité " + WORD, "Contenu", "RS", "34", "ON_SITE", 900000))
                    .when().put("/api/v1/organisations/" + siret + "/offers/" + IDS.get(0)).then().statusCode(200);
            given().when().get("/api/v1/trainings?q=" + WORD + "&maxPrice=500000&size=100").then().statusCode(200)
                    .body("items.id", not(hasItem(IDS.get(0))));
            // and after these writes the list kept by the triggers answers as the full-text search
            assertListAnswersAsFullText();
            // a suspended organisation's offers leave the list, and come back with its reactivation
            organisationStatus("SUSPENDED");
            given().when().get("/api/v1/trainings?q=" + WORD + "&size=100").then().statusCode(200)
                    .body("items.id", not(hasItem(IDS.get(1))));
            organisationStatus("ACTIVE");
            given().when().get("/api/v1/trainings?q=" + WORD + "&size=100").then().statusCode(200)
                    .body("items.id", hasItem(IDS.get(1)));
            assertListAnswersAsFullText();
        } finally {
            choose(FrequentWordChoice.DEFAULT_MIN_OFFERS, FrequentWordChoice.DEFAULT_MAX_SHARE);
        }
    }

    static void organisationStatus(String status) {
        given().auth().oauth2(Fixtures.admin()).contentType(ContentType.JSON).body(Map.of("status", status))
                .when().put("/api/v1/organisations/" + siret + "/status").then().statusCode(200);
    }

    /** Listed offers: those the words are counted over (each offer's first search row). */
    long listedOffers() throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select count(*) from offer_search where first_area");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void aWordIsFrequentFromTheBarOfOffersUpToTheShare() throws SQLException {
        seed();
        try {
            chooseNone();
            int holding = given().when().get("/api/v1/trainings?q=" + WORD + "&size=1").then().statusCode(200)
                    .extract().path("total");
            long listed = listedOffers();
            // the bar: held by as many offers as it asks, frequent; by one fewer, not
            choose(holding, 1.0);
            assertTrue(frequent());
            choose(holding + 1, 1.0);
            assertFalse(frequent());
            // the share: just above the word's, frequent; just below, not
            choose(2, (holding + 0.01) / listed);
            assertTrue(frequent());
            choose(2, (holding - 0.01) / listed);
            assertFalse(frequent());
        } finally {
            choose(FrequentWordChoice.DEFAULT_MIN_OFFERS, FrequentWordChoice.DEFAULT_MAX_SHARE);
        }
    }
}
