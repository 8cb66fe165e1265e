package fr.cpa.platform.json;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Hostile-input battery finding: a NUL in a text field reached PostgreSQL and failed with a 500. */
class NoNulInTextTest {

    record Batch(String reference, Inner inner) {
    }

    record Inner(String name) {
    }

    private final ObjectMapper mapper = new ObjectMapper();

    {
        new NoNulInText().customize(mapper);
    }

    @Test
    void aNulInATextIsRefusedWithThePathOfTheField() {
        JsonMappingException e = assertThrows(JsonMappingException.class,
                () -> mapper.readValue("{\"reference\": \"ok\", \"inner\": {\"name\": \"a\\u0000b\"}}", Batch.class));
        assertEquals("inner", e.getPath().get(0).getFieldName());
        assertEquals("name", e.getPath().get(1).getFieldName());
        assertEquals("must not contain the NUL character", e.getCause().getMessage());
    }

    @Test
    void otherControlCharactersAndAccentsPass() throws Exception {
        Batch batch = mapper.readValue("{\"reference\": \"Hélène\\t\\u001b[31m\\r\\n\", \"inner\": {\"name\": \"x\"}}", Batch.class);
        assertEquals("Hélène\t\u001b[31m\r\n", batch.reference());
    }

    @Test
    void numbersAndNullsStillBecomeTextAsBefore() throws Exception {
        assertEquals("12", mapper.readValue("{\"reference\": 12}", Batch.class).reference());
        assertEquals(null, mapper.readValue("{\"reference\": null}", Batch.class).reference());
    }
}
