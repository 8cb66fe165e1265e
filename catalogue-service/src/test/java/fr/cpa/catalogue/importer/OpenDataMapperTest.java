package fr.cpa.catalogue.importer;

import fr.cpa.catalogue.csv.CsvReader;
import fr.cpa.catalogue.rules.CertificationType;
import org.junit.jupiter.api.Test;

import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The open-data columns of DOMAIN.md §4, on the real 100-row sample and on edge cases. */
class OpenDataMapperTest {

    static final Map<String, String> DEPARTMENTS = Map.of("34", "76", "13", "93", "04", "93", "68", "44",
            "75", "11", "2A", "94");

    static List<OpenDataMapper.Result> sample() {
        List<OpenDataMapper.Result> results = new ArrayList<>();
        try (CsvReader csv = CsvReader.open(new InputStreamReader(OpenDataMapperTest.class.getResourceAsStream(
                "/moncompteformation_catalogue_sample_100.csv"), StandardCharsets.UTF_8))) {
            OpenDataMapper mapper = new OpenDataMapper(csv::column, fullDepartments());
            for (List<String> f; (f = csv.next()) != null; ) {
                results.add(mapper.map(f));
            }
        }
        return results;
    }

    /** Every metropolitan and overseas department code of the sample. */
    static Map<String, String> fullDepartments() {
        Map<String, String> map = new java.util.HashMap<>();
        try (CsvReader csv = CsvReader.open(new InputStreamReader(OpenDataMapperTest.class.getResourceAsStream(
                "/reference/departements-france.csv"), StandardCharsets.UTF_8))) {
            for (List<String> f; (f = csv.next()) != null; ) {
                map.put(f.get(0), f.get(2));
            }
        }
        return map;
    }

    @Test
    void everyRowOfTheRealSampleIsAccepted() {
        List<OpenDataMapper.Result> results = sample();
        assertEquals(100, results.size());
        results.forEach(r -> assertTrue(r.accepted(), String.valueOf(r.reasons())));
    }

    @Test
    void theFirstSampleRowIsMappedFieldByField() {
        OpenDataRow row = sample().get(0).row();
        assertEquals("78959578200051_M-FOR1512", row.number());
        assertEquals("78959578200051", row.siret());
        assertEquals("FORMALTIC", row.organisationName());
        assertEquals("PhotoShop sur mesure", row.title());
        assertEquals(CertificationType.RS, row.certificationType());
        assertEquals("RS6204", row.certificationCode()); // code_rncp -1: no RNCP code, the RS code stands
        assertEquals("Tosa Photoshop", row.certificationTitle());
        assertEquals(List.of("46006", "71133"), row.formacodes());
        assertEquals(List.of(), row.romeCodes());
        assertEquals(21 * 60, row.durationMinMinutes());
        assertEquals(233_000L, row.priceMinCents()); // 2330.0 €
        assertEquals("34", row.departmentCode()); // written 34.0
        assertEquals("76", row.regionCode());
        assertEquals(1, row.sessionsActive());
        assertEquals(0, row.sessionsRemote());
        // the HTML of points_forts becomes a plain list
        assertEquals("""
                - Formateurs reconnus pour leur pédagogie et leur niveau d'expertise
                - Suivi pédagogique individualisé
                - Centre certificateur agréé TOSA""", row.content());
    }

    @Test
    void aRowWithoutDepartmentIsRemoteOrNationwide() {
        OpenDataRow row = sample().get(4).row();
        assertEquals("WordPress - Classe virtuelle", row.title());
        assertEquals("", row.departmentCode());
        assertNull(row.regionCode());
    }

    static OpenDataMapper.Result one(String header, String line) {
        CsvReader csv = CsvReader.open(new StringReader(header + "\n" + line + "\n"));
        return new OpenDataMapper(csv::column, DEPARTMENTS).map(csv.next());
    }

    static final String HEADER = "numero_formation;intitule_formation;siret;nom_of;type_referentiel;code_rncp;"
            + "code_inventaire;intitule_certification;code_departement;code_region;frais_ttc_tot_min;frais_ttc_tot_max;"
            + "nombre_heures_total_min;nombre_heures_total_max;code_rome_1;code_rome_2";

    @Test
    void theSemicolonExportWithAnRncpCodeAndRomeCodes() {
        OpenDataRow row = one(HEADER, "N1;Comptable;73282932000074;OF;RNCP;34001;-1;Titre;4.0;;1200,50;1500;35;35.5;M1203;m1203").row();
        assertEquals(CertificationType.RNCP, row.certificationType());
        assertEquals("RNCP34001", row.certificationCode());
        assertEquals("04", row.departmentCode());
        assertEquals("93", row.regionCode()); // from the department
        assertEquals(120_050L, row.priceMinCents());
        assertEquals(2130, row.durationMaxMinutes());
        assertEquals(List.of("M1203"), row.romeCodes());
    }

    @Test
    void cleaIsRecognisedByItsTitle() {
        assertEquals(CertificationType.CLEA,
                one(HEADER, "N1;CléA;73282932000074;OF;RS;-1;5080;CléA - socle;;;1;1;1;1;;").row().certificationType());
    }

    @Test
    void volunteerTrainingIsRecognisedByItsTypeAndHasNoCode() {
        OpenDataRow row = one(HEADER, "N1;Trésorier d'association;73282932000074;OF;Formation des bénévoles et volontaires;-1;-1;;34;;420;420;14;14;;").row();
        assertEquals(CertificationType.VOLUNTEER_TRAINING, row.certificationType());
        assertNull(row.certificationCode());
    }

    @Test
    void everyReasonOfARejectedRowIsGiven() {
        OpenDataMapper.Result r = one(HEADER, ";;73282932000075;OF;RS;-1;1;T;99;;abc;1;2;1;;");
        assertFalse(r.accepted());
        assertEquals(List.of("numero_formation is empty", "intitule_formation is empty",
                "siret 73282932000075 is not a valid SIRET", "code_departement 99 is not a known department",
                "frais_ttc_tot_min abc is not a number", "nombre_heures_total_max is below nombre_heures_total_min"),
                r.reasons());
    }

    @Test
    void htmlEntitiesAndTagsBecomeText() {
        assertEquals("Excel &amp; Word\n- un\n- deux", Html.toText("<p>Excel &amp;amp; Word</p><ul><li>un</li><li>deux</li></ul>"));
        assertEquals("l'été à Paris", Html.toText("l&#39;&eacute;t&eacute; &agrave;&nbsp;Paris"));
        assertNull(Html.toText("<br/>"));
    }
}
