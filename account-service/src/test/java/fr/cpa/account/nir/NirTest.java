package fr.cpa.account.nir;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** DOMAIN.md §5: key = 97 − (number mod 97); Corsica 2A → 19, 2B → 18 before computing. */
class NirTest {

    @Test
    void inseePublishedExampleHasKey38() {
        assertEquals(38, Nir.key("2550814168025"));
        assertTrue(Nir.isValid("2 55 08 14 168 025 38"));
    }

    @Test
    void corsicanDepartmentsCountAs19And18() {
        // 178082A123456 → 1780819123456 mod 97 gives key 36; 2B → 18 gives 63
        assertEquals(36, Nir.key("178082A123456"));
        assertEquals(63, Nir.key("178082B123456"));
        assertTrue(Nir.isValid("178082A12345636"));
        assertTrue(Nir.isValid("178082b12345663"));
        assertFalse(Nir.isValid("178082A12345663"), "2B's key does not fit 2A");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "255081416802537",   // wrong key
            "25508141680253",    // 14 characters
            "5550814168025xx",   // letters in the key
            "555081416802538",   // sex digit 5 does not exist
            "255131416802538",   // month 13
            "2550814168025380",  // 16 characters
            "",
            "2550814168O2538"    // letter O for zero
    })
    void malformedOrWrongKeyIsInvalid(String nir) {
        assertFalse(Nir.isValid(nir));
    }

    @Test
    void keyOf97IsTheBoundary() {
        // a body that is a multiple of 97 has key 97, the largest possible
        String body = String.valueOf(97L * 17_000_000_000L).substring(0, 13);
        assertEquals(97 - Long.parseLong(body) % 97, Nir.key(body));
    }

    @Test
    void neverPrintsItsValue() {
        assertEquals("Nir[***]", Nir.parse("255081416802538").orElseThrow().toString());
    }
}
