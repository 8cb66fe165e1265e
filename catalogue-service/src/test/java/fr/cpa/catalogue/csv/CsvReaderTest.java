package fr.cpa.catalogue.csv;

import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class CsvReaderTest {

    @Test
    void theSemicolonOfThePortalDownloadIsDetected() {
        CsvReader csv = CsvReader.open(new StringReader("numero_formation;intitule_formation\nA1;Comptabilité, gestion\n"));
        assertEquals(';', csv.separator());
        assertEquals(List.of("A1", "Comptabilité, gestion"), csv.next());
        assertNull(csv.next());
    }

    @Test
    void theCommaOfAResaveIsDetected() {
        CsvReader csv = CsvReader.open(new StringReader(",numero_formation,intitule_formation\r\n0,A1,\"Word; Excel\"\r\n"));
        assertEquals(',', csv.separator());
        assertEquals(List.of("0", "A1", "Word; Excel"), csv.next());
        assertEquals(1, csv.column("numero_formation"));
        assertEquals(-1, csv.column("code_rome_1"));
    }

    @Test
    void quotedFieldsKeepLineBreaksAndDoubledQuotes() {
        CsvReader csv = CsvReader.open(new StringReader(
                "a,b\n\"<ul><li> un\n</li><li> \"\"deux\"\"</li></ul>\",x\nlast,y"));
        assertEquals(List.of("<ul><li> un\n</li><li> \"deux\"</li></ul>", "x"), csv.next());
        assertEquals(2, csv.recordLine());
        assertEquals(List.of("last", "y"), csv.next());
        assertEquals(4, csv.recordLine());
        assertNull(csv.next());
    }

    @Test
    void emptyFieldsAndBlankLinesAreHandled() {
        CsvReader csv = CsvReader.open(new StringReader("\uFEFFa;b;c\n;;\n\n1;;3\n"));
        assertEquals(0, csv.column("a"));
        assertEquals(List.of("", "", ""), csv.next());
        assertEquals(List.of("1", "", "3"), csv.next());
        assertNull(csv.next());
    }
}
