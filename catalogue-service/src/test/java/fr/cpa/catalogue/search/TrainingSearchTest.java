package fr.cpa.catalogue.search;

import fr.cpa.catalogue.support.Fixtures;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static fr.cpa.catalogue.support.Fixtures.org;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The public search on a seeded set. Every seeded title carries a word made up for this run (the
 * marker), so that the counts are exact whatever else the database holds.
 */
@QuarkusTest
class TrainingSearchTest {

    @Inject
    AgroalDataSource dataSource;

    static final String MARKER = marker();
    static final LocalDate TODAY = LocalDate.now();
    static final Map<String, String> IDS = new HashMap<>();

    static String marker() {
        StringBuilder sb = new StringBuilder("zq");
        for (int i = 0; i < 6; i++) {
            sb.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return sb.toString();
    }

    static synchronized void seed() {
        if (!IDS.isEmpty()) {
            return;
        }
        String siret = Fixtures.siret();
        Fixtures.register(siret, TODAY.plusYears(1).toString());
        IDS.put("A", publish(siret, "A", "Comptabilité générale " + MARKER, "RS", "RS5001", "34", "ON_SITE", 120000,
                List.of("M1203"), 30));
        IDS.put("B", publish(siret, "B", "Développement d'applications Java " + MARKER, "RNCP", "RNCP34001", "75", "MIXED",
                250000, List.of(), 60));
        IDS.put("C", publish(siret, "C", "Anglais professionnel " + MARKER, "RS", "RS5002", null, "REMOTE", 90000,
                List.of(), -1));
        IDS.put("D", publish(siret, "D", "Gestion de la paie " + MARKER, "RS", "RS5003", "13", "ON_SITE", 180000,
                List.of(), 10));
        IDS.put("E", publish(siret, "E", "Comptabilité approfondie " + MARKER, "RNCP", "RNCP99999", "31", "ON_SITE",
                300000, List.of(), -1));
        // a draft never shows
        Map<String, Object> draft = Fixtures.offer(siret + "_F", "Comptabilité brouillon " + MARKER);
        given().auth().oauth2(org(siret)).contentType(ContentType.JSON).body(draft)
                .when().post("/api/v1/organisations/" + siret + "/offers").then().statusCode(201);
    }

    static String publish(String siret, String key, String title, String type, String code, String department,
                          String modality, long price, List<String> rome, int sessionInDays) {
        Map<String, Object> offer = Fixtures.offer(siret + "_" + key, title);
        offer.put("certificationType", type);
        offer.put("certificationCode", code);
        offer.put("certificationTitle", "Certification " + key);
        offer.put("departmentCode", department);
        offer.put("modality", modality);
        offer.put("price", Map.of("amount", price, "currency", "EUR"));
        offer.put("romeCodes", rome);
        offer.put("content", "Contenu de la formation " + key);
        String id = Fixtures.publish(siret, offer);
        if (sessionInDays >= 0) {
            given().auth().oauth2(org(siret)).contentType(ContentType.JSON)
                    .body(sessionBody(sessionInDays, department == null ? "75" : department))
                    .when().post("/api/v1/organisations/" + siret + "/offers/" + id + "/sessions").then().statusCode(201);
        }
        return id;
    }

    static ValidatableResponse search(String query) {
        seed();
        return given().when().get("/api/v1/trainings?" + query).then().statusCode(200);
    }

    static List<String> ids(String... keys) {
        List<String> ids = new ArrayList<>();
        for (String k : keys) {
            ids.add(IDS.get(k));
        }
        return ids;
    }

    @Test
    void aQueryWithoutAccentsFindsAccentedTitles() {
        search("q=comptabilite " + MARKER).body("items.id", containsInAnyOrder(ids("A", "E").toArray()))
                .body("fuzzy", equalTo(false));
        search("q=developpement " + MARKER).body("items.id", contains(IDS.get("B")));
    }

    @Test
    void stemmingFindsOtherFormsOfAWord() {
        // "application" (singular) finds "applications"
        search("q=application " + MARKER).body("items.id", contains(IDS.get("B")));
    }

    @Test
    void aOneLetterTypoStillFindsTheOffer() {
        search("q=comptabilte&size=100").body("fuzzy", equalTo(true)).body("items.id", hasItem(IDS.get("A")))
                .body("correctedQuery", equalTo("comptabilite"));
        // only the word that matches nothing is replaced
        search("q=anglias professionnel&size=100").body("items.id", hasItem(IDS.get("C")))
                .body("correctedQuery", equalTo("anglais professionnel"));
        search("q=comptabilite").body("fuzzy", equalTo(false)).body("correctedQuery", equalTo(null));
    }

    /**
     * A word of a title becomes correctable as soon as the offer is listed (V14's trigger), and a query the words
     * cannot correct (every word matches, not in that order) is still answered by the trigram search on titles.
     */
    @Test
    void typosAreCorrectedFromTheWordsOfListedTitlesAndOtherwiseMatchedByTrigrams() {
        seed();
        String siret = Fixtures.siret();
        Fixtures.register(siret, TODAY.plusYears(1).toString());
        String word = "zorbatique" + marker().toLowerCase().replaceAll("[^a-z]", "");
        String id = Fixtures.publish(siret, Fixtures.offer(siret + "_T", "Initiation à la " + word));
        String typo = word.substring(0, 4) + word.substring(5);

        search("q=" + typo).body("fuzzy", equalTo(true)).body("correctedQuery", equalTo(word))
                .body("items.id", contains(id));
        // a phrase is corrected inside its quotes
        search("q=\"initiation a la " + typo + "\"").body("fuzzy", equalTo(true))
                .body("correctedQuery", equalTo("\"initiation a la " + word + "\"")).body("items.id", contains(id));
        search("q=qwxzvbn").body("fuzzy", equalTo(true)).body("total", equalTo(0)).body("correctedQuery", equalTo(null));
        // a phrase of words each listed, but in no title in that order: nothing to correct, the trigrams answer
        search("q=\"" + word + " initiation\"&size=100").body("fuzzy", equalTo(true))
                .body("correctedQuery", equalTo(null)).body("items.id", hasItem(id));
        // with a filter (department 34 is in Occitanie, 76) and against it
        search("q=" + typo + "&region=76").body("correctedQuery", equalTo(word)).body("items.id", contains(id));
        search("q=" + typo + "&region=11").body("total", equalTo(0));
    }

    /**
     * What a correction leaves alone: words matching an offer, stop words, short words, words with digits, the
     * websearch syntax around the words, negated words; and a word of offers no longer listed (never removed from search_word) is passed over for the next
     * closest that matches.
     */
    @Test
    void correctionsReplaceOnlyWordsThatMatchNothingWithWordsThatMatch() throws SQLException {
        seed();
        String siret = Fixtures.siret();
        Fixtures.register(siret, TODAY.plusYears(1).toString());
        String word = "quadrilatique" + marker().toLowerCase().replaceAll("[^a-z]", "");
        Fixtures.publish(siret, Fixtures.offer(siret + "_Q", "Atelier de " + word));
        String typo = word.substring(0, 3) + word.substring(4);
        try (Connection c = dataSource.getConnection()) {
            assertEquals(java.util.Optional.of(word), TrainingSearch.corrected(c, typo));
            assertEquals(java.util.Optional.of("les " + word + " rncp34001 a 2026"),
                    TrainingSearch.corrected(c, "Les " + typo + " RNCP34001 à 2026"));
            assertEquals(java.util.Optional.empty(), TrainingSearch.corrected(c, "comptabilité"));
            // the query's syntax stays: a phrase's quotes, or, and a negated word (left alone)
            assertEquals(java.util.Optional.of("\"atelier de " + word + "\""),
                    TrainingSearch.corrected(c, "\"Atelier de " + typo + "\""));
            assertEquals(java.util.Optional.of(word + " or anglais"), TrainingSearch.corrected(c, typo + " OR anglais"));
            assertEquals(java.util.Optional.empty(), TrainingSearch.corrected(c, "-" + typo));
            assertEquals(java.util.Optional.of("anglais -" + typo + " " + word),
                    TrainingSearch.corrected(c, "anglais -" + typo + " " + typo));
            // negated as websearch_to_tsquery reads it: apart from its word, before a quote, a phrase
            assertEquals(java.util.Optional.empty(), TrainingSearch.corrected(c, "anglais - " + typo));
            assertEquals(java.util.Optional.empty(), TrainingSearch.corrected(c, "anglais -\"" + typo + "\""));
            assertEquals(java.util.Optional.empty(), TrainingSearch.corrected(c, "-\"atelier " + typo + "\""));
            // not negated: inside quotes, twice
            assertEquals(java.util.Optional.of("\"atelier -" + word + "\""),
                    TrainingSearch.corrected(c, "\"atelier -" + typo + "\""));
            assertEquals(java.util.Optional.of("--" + word), TrainingSearch.corrected(c, "--" + typo));
            // "or'x" is or, then x: left alone
            assertEquals(java.util.Optional.empty(), TrainingSearch.corrected(c, "anglais or'" + typo));
            // a stale word closer than the listed one: the typo itself, as if an offer with it had been withdrawn
            try (Statement st = c.createStatement()) {
                st.execute("insert into search_word (word) values ('" + typo + "')");
            }
            assertEquals(java.util.Optional.of(word), TrainingSearch.corrected(c, typo));
        }
    }

    @Test
    void facetsCountTheWholeResultSetExactly() {
        search("q=" + MARKER + "&size=1")
                .body("total", equalTo(5))
                .body("items.size()", equalTo(1))
                .body("facets.region.find { it.value == '76' }.count", equalTo(2))
                .body("facets.region.find { it.value == '76' }.label", equalTo("Occitanie"))
                .body("facets.region.find { it.value == '11' }.count", equalTo(1))
                .body("facets.region.find { it.value == '93' }.count", equalTo(1))
                .body("facets.region.size()", equalTo(3))
                .body("facets.certificationType.find { it.value == 'RS' }.count", equalTo(3))
                .body("facets.certificationType.find { it.value == 'RNCP' }.count", equalTo(2))
                .body("facets.modality.find { it.value == 'ON_SITE' }.count", equalTo(3))
                .body("facets.modality.find { it.value == 'MIXED' }.count", equalTo(1))
                .body("facets.modality.find { it.value == 'REMOTE' }.count", equalTo(1));
    }

    @Test
    void facetsFollowTheFilters() {
        search("q=" + MARKER + "&region=76")
                .body("total", equalTo(2))
                .body("facets.certificationType.find { it.value == 'RS' }.count", equalTo(1))
                .body("facets.certificationType.find { it.value == 'RNCP' }.count", equalTo(1))
                .body("facets.modality.size()", equalTo(1));
    }

    @Test
    void eachFilterKeepsExactlyItsOffers() {
        search("q=" + MARKER + "&region=76").body("items.id", containsInAnyOrder(ids("A", "E").toArray()));
        search("q=" + MARKER + "&department=13").body("items.id", contains(IDS.get("D")));
        search("q=" + MARKER + "&certificationType=RNCP").body("items.id", containsInAnyOrder(ids("B", "E").toArray()));
        search("q=" + MARKER + "&certificationCode=RNCP34001").body("items.id", contains(IDS.get("B")));
        search("q=" + MARKER + "&certificationCode=34001").body("items.id", contains(IDS.get("B")));
        search("q=" + MARKER + "&modality=REMOTE").body("items.id", contains(IDS.get("C")));
        search("q=" + MARKER + "&modality=mixed").body("items.id", contains(IDS.get("B")));
    }

    @Test
    void maxPriceIsInclusive() {
        search("q=" + MARKER + "&maxPrice=120000").body("items.id", containsInAnyOrder(ids("A", "C").toArray()));
        search("q=" + MARKER + "&maxPrice=119999").body("items.id", contains(IDS.get("C")));
    }

    @Test
    void startAfterKeepsOffersWithAnOpenSessionFromThatDay() {
        search("q=" + MARKER + "&startAfter=" + TODAY.plusDays(30)).body("items.id", containsInAnyOrder(ids("A", "B").toArray()));
        search("q=" + MARKER + "&startAfter=" + TODAY.plusDays(31)).body("items.id", contains(IDS.get("B")));
    }

    /**
     * startAfter reads each offer's last open session (V13): it follows sessions added, cancelled and moved, and a
     * session before the day does not count though a later one does.
     */
    @Test
    void startAfterFollowsTheSessionsOfAnOffer() {
        seed();
        String words = marker();
        String siret = Fixtures.siret();
        Fixtures.register(siret, TODAY.plusYears(1).toString());
        Map<String, Object> offer = Fixtures.offer(siret + "_S", "Menuiserie " + words);
        offer.put("price", Map.of("amount", 1, "currency", "EUR"));
        String id = Fixtures.publish(siret, offer);
        String sessions = "/api/v1/organisations/" + siret + "/offers/" + id + "/sessions";
        search("q=" + words + "&startAfter=" + TODAY).body("total", equalTo(0));

        String early = session(siret, sessions, 10);
        String late = session(siret, sessions, 50);
        search("q=" + words + "&startAfter=" + TODAY.plusDays(50)).body("items.id", contains(id));
        search("q=" + words + "&startAfter=" + TODAY.plusDays(51)).body("total", equalTo(0));

        given().auth().oauth2(org(siret)).when().delete(sessions + "/" + late).then().statusCode(200);
        search("q=" + words + "&startAfter=" + TODAY.plusDays(11)).body("total", equalTo(0));
        search("q=" + words + "&startAfter=" + TODAY.plusDays(10)).body("items.id", contains(id));
        // without words, from the index of last starts (its price of one cent puts it on the first page)
        search("startAfter=" + TODAY.plusDays(10) + "&size=100&sort=price").body("items.id", hasItem(id));
        search("startAfter=" + TODAY.plusDays(11) + "&size=100&sort=price").body("items.id", not(hasItem(id)));

        // moved later
        LocalDate moved = TODAY.plusDays(70);
        given().auth().oauth2(org(siret)).contentType(ContentType.JSON).body(sessionBody(70, "75"))
                .when().put(sessions + "/" + early).then().statusCode(200);
        search("q=" + words + "&startAfter=" + moved).body("items.id", contains(id));
        search("q=" + words + "&startAfter=" + moved.plusDays(1)).body("total", equalTo(0));
    }

    /** Adds an open session starting in that many days; its id. */
    private static String session(String siret, String sessions, int inDays) {
        return given().auth().oauth2(org(siret)).contentType(ContentType.JSON).body(sessionBody(inDays, "75"))
                .when().post(sessions).then().statusCode(201).extract().path("id");
    }

    /** A two-day session of ten seats starting in that many days. */
    private static Map<String, Object> sessionBody(int inDays, String department) {
        LocalDate start = TODAY.plusDays(inDays);
        return Map.of("startDate", start.toString(), "endDate", start.plusDays(1).toString(), "seats", 10,
                "place", "Centre", "departmentCode", department);
    }

    @Test
    void romeFindsOffersByTheirOwnCodesAndThroughTheirRncpCertification() {
        search("q=" + MARKER + "&rome=M1203").body("items.id", contains(IDS.get("A")));
        // RNCP34001 leads to A1101, G1101 and N2201 in the RNCP -> ROME table
        search("q=" + MARKER + "&rome=G1101").body("items.id", contains(IDS.get("B")));
    }

    @Test
    void sortsByPriceAndByStartDate() {
        search("q=" + MARKER + "&sort=price").body("items.id", contains(ids("C", "A", "D", "B", "E").toArray()));
        List<String> byStart = search("q=" + MARKER + "&sort=startDate").extract().path("items.id");
        assertEquals(ids("D", "A", "B"), byStart.subList(0, 3));
        search("q=" + MARKER + "&sort=startDate").body("items[0].nextSessionStart", equalTo(TODAY.plusDays(10).toString()));
    }

    @Test
    void pagesAreStableAndCoverTheSetOnce() {
        List<String> seen = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            List<String> ids = search("q=" + MARKER + "&sort=price&size=2&page=" + page)
                    .body("page", equalTo(page)).body("size", equalTo(2)).body("total", equalTo(5))
                    .extract().path("items.id");
            seen.addAll(ids);
        }
        assertEquals(ids("C", "A", "D", "B", "E"), seen);
        List<String> relevance1 = search("q=" + MARKER + "&size=2&page=1").extract().path("items.id");
        List<String> relevance2 = search("q=" + MARKER + "&size=2&page=1").extract().path("items.id");
        assertEquals(relevance1, relevance2);
    }

    @Test
    void thePageSizeIsCapped() {
        search("q=" + MARKER + "&size=1000").body("size", equalTo(100)).body("items.size()", equalTo(5));
        search("size=100").body("size", equalTo(100));
    }

    @Test
    void titleWeighsMoreThanCertificationMoreThanContent() {
        String siret = Fixtures.siret();
        Fixtures.register(siret, TODAY.plusYears(1).toString());
        String word = marker();
        Map<String, Object> inContent = Fixtures.offer(siret + "_W3", "Chaudronnerie " + word);
        inContent.put("content", "Notions de tuyauterie");
        Map<String, Object> inCertification = Fixtures.offer(siret + "_W2", "Soudure " + word);
        inCertification.put("certificationTitle", "Tuyauterie industrielle");
        Map<String, Object> inTitle = Fixtures.offer(siret + "_W1", "Tuyauterie " + word);
        String content = Fixtures.publish(siret, inContent);
        String certification = Fixtures.publish(siret, inCertification);
        String title = Fixtures.publish(siret, inTitle);
        search("q=tuyauterie " + word).body("items.id", contains(title, certification, content));
    }

    @Test
    void badParametersAreEachNamed() {
        seed();
        given().when().get("/api/v1/trainings?modality=BUS&maxPrice=-1&rome=X12&startAfter=demain&sort=cheap&page=x")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("modality", "maxPrice", "rome", "startAfter", "sort", "page"));
        given().when().get("/api/v1/trainings?page=200&size=100").then().statusCode(400).body("errors.field", contains("page"));
    }

    @Test
    void theDetailHasSessionsOrganisationAreasAndJobs() {
        seed();
        given().when().get("/api/v1/trainings/" + IDS.get("B")).then().statusCode(200)
                .body("title", equalTo("Développement d'applications Java " + MARKER))
                .body("organisation.qualiopiValid", equalTo(true))
                .body("sessions.size()", equalTo(1))
                .body("sessions[0].startDate", equalTo(TODAY.plusDays(60).toString()))
                .body("areas[0].departmentCode", equalTo("75"))
                .body("areas[0].regionName", equalTo("Île-de-France"))
                .body("jobs.code", hasItem("G1101"));
        given().when().get("/api/v1/trainings/" + java.util.UUID.randomUUID()).then().statusCode(404);
    }

    /**
     * The search reads its own narrow table (V8), kept by triggers: a suspension hides the organisation's
     * offers at once and a reactivation shows them again; an edit is searched by its new words, a
     * withdrawn offer no longer.
     */
    @Test
    void theSearchFollowsSuspensionReactivationEditAndWithdrawal() {
        seed();
        String before = marker();
        String after = marker();
        String siret = Fixtures.siret();
        Fixtures.register(siret, TODAY.plusYears(1).toString());
        Map<String, Object> offer = Fixtures.offer(siret + "_W", "Soudure à l'arc " + before);
        String id = Fixtures.publish(siret, offer);
        search("q=" + before).body("total", equalTo(1)).body("items.id", contains(id));

        setStatus(siret, "SUSPENDED");
        search("q=" + before).body("total", equalTo(0));
        search("q=" + before + "&region=76").body("total", equalTo(0));
        setStatus(siret, "ACTIVE");
        search("q=" + before + "&region=76").body("total", equalTo(1)).body("facets.region.value", contains("76"));

        String path = "/api/v1/organisations/" + siret + "/offers/" + id;
        offer.put("title", "Plomberie sanitaire " + after);
        offer.put("departmentCode", "75");
        given().auth().oauth2(org(siret)).contentType(ContentType.JSON).body(offer)
                .when().put(path).then().statusCode(200);
        search("q=" + before).body("total", equalTo(0));
        search("q=" + after + "&region=11").body("total", equalTo(1)).body("items.id", contains(id));
        search("q=" + after + "&region=76").body("total", equalTo(0));

        given().auth().oauth2(org(siret)).when().post(path + "/withdraw").then().statusCode(200);
        search("q=" + after).body("total", equalTo(0));
    }

    /**
     * A search without words whose only filters are region, certification type and modality takes its
     * total and facets from counters kept by triggers (V10) and its page from a title index: the counts
     * follow every write exactly, equal a count of the search rows, and its pages are stable.
     */
    @Test
    void searchesWithoutWordsCountFromCountersThatFollowEveryWrite() throws SQLException {
        seed();
        String in76 = "region=76&certificationType=RS&modality=MIXED";
        String in11 = "region=11&certificationType=RS&modality=MIXED";
        String anywhere = "certificationType=RS&modality=MIXED";
        int before76 = search(in76).extract().path("total");
        int before11 = search(in11).extract().path("total");
        int beforeAnywhere = search(anywhere).extract().path("total");
        String siret = Fixtures.siret();
        Fixtures.register(siret, TODAY.plusYears(1).toString());
        Map<String, Object> offer = Fixtures.offer(siret + "_X", "Tournage fraisage " + marker());
        offer.put("modality", "MIXED");
        String id = Fixtures.publish(siret, offer);
        search(in76 + "&size=100").body("total", equalTo(before76 + 1)).body("items.id", hasItem(id))
                .body("facets.region.find { it.value == '76' }.count", equalTo(before76 + 1))
                .body("facets.certificationType.find { it.value == 'RS' }.count", equalTo(before76 + 1))
                .body("facets.modality.find { it.value == 'MIXED' }.count", equalTo(before76 + 1));
        search(anywhere).body("total", equalTo(beforeAnywhere + 1));

        setStatus(siret, "SUSPENDED");
        search(in76 + "&size=100").body("total", equalTo(before76)).body("items.id", not(hasItem(id)));
        setStatus(siret, "ACTIVE");
        search(in76).body("total", equalTo(before76 + 1));

        String path = "/api/v1/organisations/" + siret + "/offers/" + id;
        offer.put("departmentCode", "75");
        given().auth().oauth2(org(siret)).contentType(ContentType.JSON).body(offer)
                .when().put(path).then().statusCode(200);
        search(in76).body("total", equalTo(before76));
        search(in11 + "&size=100").body("total", equalTo(before11 + 1)).body("items.id", hasItem(id));

        // pages of the title order cover the same offers in the same order as one big page
        List<String> all = search(in11 + "&size=100").extract().path("items.id");
        List<String> paged = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            paged.addAll(search(in11 + "&size=1&page=" + page).extract().path("items.id"));
        }
        assertEquals(all.subList(0, Math.min(3, all.size())), paged);

        given().auth().oauth2(org(siret)).when().post(path + "/withdraw").then().statusCode(200);
        search(in11).body("total", equalTo(before11));
        search(anywhere).body("total", equalTo(beforeAnywhere));

        // the counters are exactly a count of the search rows, key by key
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("""
                     with actual as (select region_code, first_area, certification_type, modality, region_codes, count(*) n
                                     from offer_search group by 1, 2, 3, 4, 5),
                          kept as (select region_code, first_area, certification_type, modality, region_codes, n
                                   from offer_search_count)
                     select (select count(*) from (table actual except table kept) a)
                          + (select count(*) from (table kept except table actual) k)""")) {
            rs.next();
            assertEquals(0, rs.getLong(1));
        }
    }

    /**
     * A text search counts its matches by facet key (V11: one integer per certification type, modality and
     * set of regions): an edit that changes the modality or the region moves the offer to its new key, the
     * facets follow exactly, and every search row's key names its own values.
     */
    @Test
    void textSearchesCountByFacetKeysThatFollowEveryWrite() throws SQLException {
        String word = marker();
        String siret = Fixtures.siret();
        Fixtures.register(siret, TODAY.plusYears(1).toString());
        Map<String, Object> remote = Fixtures.offer(siret + "_K1", "Menuiserie " + word);
        remote.put("modality", "REMOTE");
        remote.remove("departmentCode");
        String remoteId = Fixtures.publish(siret, remote);
        Fixtures.publish(siret, Fixtures.offer(siret + "_K2", "Ébénisterie " + word));
        Map<String, Object> rncp = Fixtures.offer(siret + "_K3", "Charpente " + word);
        rncp.put("certificationType", "RNCP");
        rncp.put("certificationCode", "RNCP34001");
        rncp.put("departmentCode", "75");
        Fixtures.publish(siret, rncp);
        search("q=" + word).body("total", equalTo(3))
                .body("facets.region.find { it.value == '76' }.count", equalTo(1))
                .body("facets.region.find { it.value == '11' }.count", equalTo(1))
                .body("facets.region.size()", equalTo(2))
                .body("facets.certificationType.find { it.value == 'RS' }.count", equalTo(2))
                .body("facets.certificationType.find { it.value == 'RNCP' }.count", equalTo(1))
                .body("facets.modality.find { it.value == 'ON_SITE' }.count", equalTo(2))
                .body("facets.modality.find { it.value == 'REMOTE' }.count", equalTo(1));

        remote.put("modality", "MIXED");
        remote.put("departmentCode", "75");
        given().auth().oauth2(org(siret)).contentType(ContentType.JSON).body(remote)
                .when().put("/api/v1/organisations/" + siret + "/offers/" + remoteId).then().statusCode(200);
        search("q=" + word).body("total", equalTo(3))
                .body("facets.region.find { it.value == '11' }.count", equalTo(2))
                .body("facets.modality.find { it.value == 'MIXED' }.count", equalTo(1))
                .body("facets.modality.find { it.value == 'REMOTE' }", equalTo(null));
        search("q=" + word + "&region=11").body("total", equalTo(2))
                .body("facets.modality.find { it.value == 'MIXED' }.count", equalTo(1))
                .body("facets.modality.find { it.value == 'ON_SITE' }.count", equalTo(1));

        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("""
                     select count(*) from offer_search s left join offer_search_facet f on f.id = s.facet
                     where f.id is null or (f.certification_type, f.modality, f.region_codes)
                                           is distinct from (s.certification_type, s.modality, s.region_codes)""")) {
            rs.next();
            assertEquals(0, rs.getLong(1));
        }
    }

    static void setStatus(String siret, String status) {
        given().auth().oauth2(Fixtures.admin()).contentType(ContentType.JSON).body(Map.of("status", status))
                .when().put("/api/v1/organisations/" + siret + "/status").then().statusCode(200);
    }
}
