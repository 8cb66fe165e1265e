package fr.cpa.catalogue.generator;

import fr.cpa.catalogue.csv.CsvReader;
import fr.cpa.platform.identity.Siret;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CatalogueGeneratorTest {

    static List<List<String>> generate(int offers, int organisations, long seed, List<String> header) throws IOException {
        StringWriter out = new StringWriter();
        new CatalogueGenerator(seed).write(out, offers, organisations);
        List<List<String>> rows = new ArrayList<>();
        try (CsvReader csv = CsvReader.open(new StringReader(out.toString()))) {
            header.addAll(csv.header());
            assertEquals(';', csv.separator());
            for (List<String> r; (r = csv.next()) != null; ) {
                rows.add(r);
            }
        }
        return rows;
    }

    @Test
    void rowsHaveLuhnValidSiretsOfAtMostTheAskedOrganisationsAndUniqueNumbers() throws IOException {
        List<String> header = new ArrayList<>();
        List<List<String>> rows = generate(2_000, 50, 1, header);
        assertEquals(2_000, rows.size());
        int siret = header.indexOf("siret");
        int number = header.indexOf("numero_formation");
        Set<String> sirets = new HashSet<>();
        Set<String> numbers = new HashSet<>();
        for (List<String> r : rows) {
            assertTrue(Siret.isValid(r.get(siret)), r.get(siret));
            assertTrue(Siret.luhn(r.get(siret).substring(0, 9)), "the SIREN has its own Luhn key");
            sirets.add(r.get(siret));
            numbers.add(r.get(number));
        }
        assertTrue(sirets.size() <= 50 && sirets.size() > 25, "organisations used: " + sirets.size());
        assertEquals(2_000, numbers.size());
    }

    @Test
    void theMeanPriceIsTheRealAveragePurchase() throws IOException {
        List<String> header = new ArrayList<>();
        List<List<String>> rows = generate(20_000, 100, 3, header);
        int price = header.indexOf("frais_ttc_tot_min");
        double mean = rows.stream().mapToDouble(r -> Double.parseDouble(r.get(price))).average().orElseThrow();
        // 1 757 € (DOMAIN.md §6), within 3 % over 20 000 draws
        assertTrue(Math.abs(mean - CatalogueGenerator.MEAN_PRICE) < 0.03 * CatalogueGenerator.MEAN_PRICE, "mean " + mean);
    }

    @Test
    void theSameSeedGivesTheSameFile() throws IOException {
        StringWriter a = new StringWriter();
        StringWriter b = new StringWriter();
        new CatalogueGenerator(9).write(a, 100, 10);
        new CatalogueGenerator(9).write(b, 100, 10);
        assertEquals(a.toString(), b.toString());
    }

    @Test
    void shortTitlesKeepTheMasculineFormAndTheRest() {
        assertEquals("Développeur informatique", CatalogueGenerator.shortTitle("Développeur / Développeuse informatique"));
        assertEquals("Comptable", CatalogueGenerator.shortTitle("Comptable"));
    }
}
