package fr.cpa.catalogue.importer;

import fr.cpa.catalogue.support.Enrolments;
import fr.cpa.catalogue.support.Fixtures;
import fr.cpa.catalogue.support.TestClock;
import fr.cpa.testing.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The import of the real 100-row open-data sample, its re-run, and rejected rows. */
@QuarkusTest
class CatalogueImportTest {

    static byte[] sample() throws IOException {
        try (InputStream in = CatalogueImportTest.class.getResourceAsStream("/moncompteformation_catalogue_sample_100.csv")) {
            return in.readAllBytes();
        }
    }

    static ValidatableResponse importAndWait(byte[] csv) {
        String location = given().auth().oauth2(Fixtures.admin()).contentType("text/csv").body(csv)
                .when().post("/api/v1/admin/catalogue/imports")
                .then().statusCode(202).extract().header("Location");
        await().atMost(Duration.ofSeconds(60)).until(() -> !"RUNNING".equals(given().auth().oauth2(Fixtures.admin())
                .when().get(location).then().extract().path("status")));
        return given().auth().oauth2(Fixtures.admin()).when().get(location).then().statusCode(200);
    }

    /** One test, because the second run depends on the first. */
    @Test
    void theRealSampleImportsCleanlyAndAReRunDuplicatesNothing() throws IOException {
        // 100 rows for 80 offers: the export has one row per offer and department
        importAndWait(sample())
                .body("status", equalTo("DONE"))
                .body("percent", equalTo(100))
                .body("rowsRead", equalTo(100))
                .body("rejected", equalTo(0))
                .body("created", equalTo(80))
                .body("updated", equalTo(20))
                .body("unchanged", equalTo(0));
        long offers = count();

        importAndWait(sample())
                .body("status", equalTo("DONE"))
                .body("rowsRead", equalTo(100))
                .body("created", equalTo(0))
                .body("updated", equalTo(0))
                .body("unchanged", equalTo(100))
                .body("rejected", equalTo(0));
        assertEquals(offers, count());

        // mapped fields, through the public search and detail
        String id = given().when().get("/api/v1/trainings?q=photoshop sur mesure&certificationCode=RS6204&department=34")
                .then().statusCode(200)
                .body("items.number", hasItem("78959578200051_M-FOR1512"))
                .extract().path("items.find { it.number == '78959578200051_M-FOR1512' }.id");
        given().when().get("/api/v1/trainings/" + id).then().statusCode(200)
                .body("organisation.siret", equalTo("78959578200051"))
                .body("organisation.name", equalTo("FORMALTIC"))
                .body("certification.type", equalTo("RS"))
                .body("certification.title", equalTo("Tosa Photoshop"))
                .body("price.amount", equalTo(233000))
                .body("durationMinMinutes", equalTo(1260))
                .body("modality", equalTo("ON_SITE"))
                .body("cpfEligible", equalTo(true))
                .body("formacodes", contains("46006", "71133"))
                .body("areas[0].regionName", equalTo("Occitanie"));

        // an offer given in four departments (four rows) is one offer with four areas
        String powerPoint = given().when().get("/api/v1/trainings?q=PowerPoint pour tous FORMANOSQUE&certificationCode=RS6564")
                .then().statusCode(200).body("total", equalTo(1))
                .body("items[0].regions", contains("11", "32", "52", "93"))
                .body("items[0].departments", contains("13", "44", "59", "75"))
                .extract().path("items[0].id");
        given().when().get("/api/v1/trainings/" + powerPoint).then().body("areas.size()", equalTo(4))
                .body("price.amount", equalTo(180130));
    }

    @Test
    void rejectedRowsAreCountedWithTheirReasonsAndTheOthersImported() {
        String number = "IMPORT_" + UUID.randomUUID();
        String csv = "numero_formation;intitule_formation;siret;nom_of;type_referentiel;code_rncp;code_inventaire;"
                + "intitule_certification;code_departement;code_region;frais_ttc_tot_min;frais_ttc_tot_max\n"
                + number + ";Comptabilité;73282932000074;OF;RNCP;34001;-1;Comptable;75;11;1200;1200\n"
                + number + "_BAD;Paie;73282932000075;OF;RNCP;34001;-1;Paie;75;11;1200;1200\n";
        importAndWait(csv.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .body("status", equalTo("DONE"))
                .body("rowsRead", equalTo(2))
                .body("created", equalTo(1))
                .body("rejected", equalTo(1))
                .body("rejections[0].line", equalTo(3))
                .body("rejections[0].number", equalTo(number + "_BAD"))
                .body("rejections[0].reasons", equalTo("siret 73282932000075 is not a valid SIRET"));
    }

    @Test
    void aReImportWritesOnlyWhatChangedAndLeavesOffersManagedThroughTheApi() {
        String word = "reimport" + UUID.randomUUID().toString().substring(0, 8);
        String n1 = "IMPORT_" + UUID.randomUUID();
        String n2 = "IMPORT_" + UUID.randomUUID();
        String header = "numero_formation;intitule_formation;siret;nom_of;type_referentiel;code_rncp;code_inventaire;"
                + "intitule_certification;code_departement;code_region;frais_ttc_tot_min;frais_ttc_tot_max\n";
        importAndWait((header
                + n1 + ";Comptabilité " + word + ";73282932000074;OF;RNCP;34001;-1;Comptable;75;11;1200;1200\n"
                + n2 + ";Paie " + word + ";73282932000074;OF;RNCP;34001;-1;Paie;75;11;1200;1200\n").getBytes(UTF_8))
                .body("status", equalTo("DONE")).body("created", equalTo(2)).body("updated", equalTo(0));

        // an offer its organisation publishes through the API is not the open data's to change
        String siret = Fixtures.siret();
        Fixtures.register(siret, java.time.LocalDate.now().plusYears(1).toString());
        java.util.Map<String, Object> managed = Fixtures.offer(siret + "_API", "Offre gérée par l'organisme " + word);
        managed.put("price", java.util.Map.of("amount", 200000, "currency", "EUR"));
        Fixtures.publish(siret, managed);

        // n1: a new title (the offer changes); n2: a new price in 75 (its area changes) and a new department (a new
        // area); n1 again in 75 unchanged but for the title already written by the row above it
        importAndWait((header
                + n1 + ";Comptabilité générale " + word + ";73282932000074;OF;RNCP;34001;-1;Comptable;75;11;1200;1200\n"
                + n2 + ";Paie " + word + ";73282932000074;OF;RNCP;34001;-1;Paie;75;11;1300;1300\n"
                + n2 + ";Paie " + word + ";73282932000074;OF;RNCP;34001;-1;Paie;13;93;1250;1250\n"
                + siret + "_API;Copie " + word + ";73282932000074;OF;RNCP;34001;-1;Copie;75;11;1;1\n"
                + n1 + ";Comptabilité générale " + word + ";73282932000074;OF;RNCP;34001;-1;Comptable;75;11;1200;1200\n")
                .getBytes(UTF_8))
                .body("status", equalTo("DONE"))
                .body("rowsRead", equalTo(5))
                .body("created", equalTo(0))
                .body("updated", equalTo(3))
                .body("unchanged", equalTo(1))
                .body("rejected", equalTo(1))
                .body("rejections[0].line", equalTo(5))
                .body("rejections[0].reasons", equalTo("offer " + siret + "_API is managed by its organisation through the API"));

        given().when().get("/api/v1/trainings?q=" + word + "&sort=price").then().statusCode(200)
                .body("total", equalTo(3))
                .body("items.title", contains("Comptabilité générale " + word, "Paie " + word, "Offre gérée par l'organisme " + word))
                .body("items[1].price.amount", equalTo(125000))
                .body("items[1].regions", contains("11", "93"))
                .body("items[1].departments", contains("13", "75"));

        // the same file again: nothing to write
        importAndWait((header
                + n1 + ";Comptabilité générale " + word + ";73282932000074;OF;RNCP;34001;-1;Comptable;75;11;1200;1200\n"
                + n2 + ";Paie " + word + ";73282932000074;OF;RNCP;34001;-1;Paie;75;11;1300;1300\n"
                + n2 + ";Paie " + word + ";73282932000074;OF;RNCP;34001;-1;Paie;13;93;1250;1250\n").getBytes(UTF_8))
                .body("created", equalTo(0)).body("updated", equalTo(0)).body("unchanged", equalTo(3));
    }

    @Inject
    AgroalDataSource dataSource;

    @Test
    void newOffersAreWrittenWithTheAggregatesTheirAreasGive() throws SQLException {
        String on = "IMPORT_" + UUID.randomUUID();
        String mixed = "IMPORT_" + UUID.randomUUID();
        String remote = "IMPORT_" + UUID.randomUUID();
        String header = "numero_formation;intitule_formation;siret;nom_of;type_referentiel;code_rncp;code_inventaire;"
                + "intitule_certification;code_departement;code_region;frais_ttc_tot_min;frais_ttc_tot_max;"
                + "nombre_heures_total_min;nombre_heures_total_max;nb_session_active;nb_session_a_distance\n";
        String row = "%s;Soudure;73282932000074;OF;RNCP;34001;-1;Soudeur;%s;%s;%s;%s;%s;%s;%s;%s\n";
        importAndWait((header
                // two departments on site, prices and hours from both; 2A sorts after 13 and before 75
                + row.formatted(on, "75", "11", "1200", "1500", "35", "70", "2", "0")
                + row.formatted(on, "2A", "94", "900", "1400", "", "80", "1", "0")
                + row.formatted(on, "13", "93", "1000", "1000", "40", "40", "1", "0")
                // one on site, one with remote sessions: mixed; the department repeated: the later row wins
                + row.formatted(mixed, "59", "32", "500", "500", "10", "10", "1", "0")
                + row.formatted(mixed, "69", "84", "600", "600", "10", "10", "1", "1")
                + row.formatted(mixed, "59", "32", "450", "450", "10", "10", "1", "0")
                // no department: remote, no region
                + row.formatted(remote, "", "", "300", "300", "5", "5", "0", "0")).getBytes(UTF_8))
                .body("status", equalTo("DONE")).body("created", equalTo(3)).body("updated", equalTo(4));

        try (Connection c = dataSource.getConnection();
             PreparedStatement ids = c.prepareStatement("select array_agg(id) from offer where number in (?, ?, ?)")) {
            ids.setString(1, on);
            ids.setString(2, mixed);
            ids.setString(3, remote);
            Array offers;
            try (ResultSet rs = ids.executeQuery()) {
                rs.next();
                offers = rs.getArray(1);
            }
            try (PreparedStatement refresh = c.prepareStatement(CatalogueImporter.REFRESH_AGGREGATES)) {
                refresh.setArray(1, offers);
                assertEquals(0, refresh.executeUpdate(), "the refresh finds the aggregates already written");
            }
            try (PreparedStatement read = c.prepareStatement("""
                    select number, region_codes::text, department_codes::text, price_min_cents, price_max_cents,
                           duration_min_minutes, duration_max_minutes, modality from offer where number in (?, ?, ?)
                    order by number = ? desc, number = ? desc""")) {
                read.setString(1, on);
                read.setString(2, mixed);
                read.setString(3, remote);
                read.setString(4, on);
                read.setString(5, mixed);
                List<String> got = new ArrayList<>();
                try (ResultSet rs = read.executeQuery()) {
                    while (rs.next()) {
                        got.add(String.join(" ", rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                                String.valueOf(rs.getObject(6)), String.valueOf(rs.getObject(7)), rs.getString(8)));
                    }
                }
                assertEquals(List.of("{11,93,94} {13,2A,75} 90000 150000 2100 4800 ON_SITE",
                        "{32,84} {59,69} 45000 60000 600 600 MIXED",
                        "{} {} 30000 30000 300 300 REMOTE"), got);
            }
        }
    }

    @Test
    void anImportedOrganisationIsSearchableButNotPurchasableUntilStaffRecordsItsCertificate() {
        // the export carries no Qualiopi data: its organisations arrive without a certificate
        TestClock.setDay(LocalDate.of(2027, 6, 1));
        try {
            String siret = Fixtures.siret();
            String word = "importqualiopi" + UUID.randomUUID().toString().substring(0, 8);
            String number = "IMPORT_" + UUID.randomUUID();
            importAndWait(("numero_formation;intitule_formation;siret;nom_of;type_referentiel;code_rncp;code_inventaire;"
                    + "intitule_certification;code_departement;code_region;frais_ttc_tot_min;frais_ttc_tot_max\n"
                    + number + ";Comptabilité " + word + ";" + siret + ";OF importé;RNCP;34001;-1;Comptable;75;11;1200;1200\n")
                    .getBytes(UTF_8)).body("status", equalTo("DONE")).body("created", equalTo(1));
            String offerId = given().when().get("/api/v1/trainings?q=" + word).then().statusCode(200)
                    .body("total", equalTo(1)).extract().path("items[0].id");
            given().when().get("/api/v1/trainings/" + offerId).then().statusCode(200)
                    .body("organisation.qualiopiValid", equalTo(false)).body("cpfEligible", equalTo(true));
            given().when().get("/api/v1/organisations/" + siret).then().statusCode(200)
                    .body("qualiopi", nullValue()).body("qualiopiValid", equalTo(false));

            // the organisation opens a session of its imported offer: holders cannot buy it yet
            String sessionId = given().auth().oauth2(Fixtures.org(siret)).contentType(ContentType.JSON)
                    .body(Map.of("startDate", "2027-09-06", "endDate", "2027-09-10", "seats", 12, "departmentCode", "75",
                            "remote", false))
                    .when().post("/api/v1/organisations/" + siret + "/offers/" + offerId + "/sessions")
                    .then().statusCode(201).extract().path("id");
            Enrolments.request(UUID.randomUUID(), sessionId).statusCode(422)
                    .body("type", equalTo("https://cpa.local/problems/organisation-not-certified"));

            // nor may it certify itself; staff may
            given().auth().oauth2(Fixtures.org(siret)).contentType(ContentType.JSON)
                    .body(Map.of("certificate", "QUALIOPI-" + siret, "validUntil", "2028-12-31"))
                    .when().put("/api/v1/organisations/" + siret + "/qualiopi").then().statusCode(403);
            Enrolments.certify(siret, LocalDate.of(2028, 12, 31));
            Enrolments.request(UUID.randomUUID(), sessionId).statusCode(201);

            // a re-import keeps the certificate recorded meanwhile
            importAndWait(("numero_formation;intitule_formation;siret;nom_of;type_referentiel;code_rncp;code_inventaire;"
                    + "intitule_certification;code_departement;code_region;frais_ttc_tot_min;frais_ttc_tot_max\n"
                    + number + ";Comptabilité " + word + ";" + siret + ";OF renommé;RNCP;34001;-1;Comptable;75;11;1200;1200\n")
                    .getBytes(UTF_8)).body("status", equalTo("DONE"));
            given().when().get("/api/v1/organisations/" + siret).then().statusCode(200)
                    .body("name", equalTo("OF renommé")).body("qualiopi.validUntil", equalTo("2028-12-31"));
        } finally {
            TestClock.reset();
        }
    }

    @Test
    void aFileWithoutTheExportColumnsFails() {
        importAndWait("a;b\n1;2\n".getBytes())
                .body("status", equalTo("FAILED"))
                .body("error", equalTo("the header lacks the column(s) numero_formation, intitule_formation, siret of the open-data export"));
    }

    @Test
    void onlyAdminsImport() {
        given().auth().oauth2(Fixtures.org(Fixtures.siret())).contentType("text/csv").body("x")
                .when().post("/api/v1/admin/catalogue/imports").then().statusCode(403);
        given().auth().oauth2(TestTokens.role("advisor", "a")).when().get("/api/v1/admin/catalogue/imports/" + UUID.randomUUID())
                .then().statusCode(403);
        given().contentType("text/csv").body("x").when().post("/api/v1/admin/catalogue/imports").then().statusCode(401);
        given().auth().oauth2(Fixtures.admin()).contentType("text/csv").body(new byte[0])
                .when().post("/api/v1/admin/catalogue/imports").then().statusCode(400);
    }

    static long count() {
        return given().when().get("/api/v1/trainings?certificationType=RS&size=1").then().extract().<Integer>path("total");
    }
}
