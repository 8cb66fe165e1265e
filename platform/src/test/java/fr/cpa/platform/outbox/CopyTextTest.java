package fr.cpa.platform.outbox;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The outbox's bulk write goes through COPY's text format, where four characters must be escaped. */
class CopyTextTest {

    @Test
    void backslashTabAndLineEndsAreEscaped() {
        String json = "{\"detail\":\"a \\\"quoted\\\" word\",\"raw\":\"x\ty\nz\r\"}";
        assertEquals("{\"detail\":\"a \\\\\"quoted\\\\\" word\",\"raw\":\"x\\ty\\nz\\r\"}",
                Outbox.copyText(new StringBuilder(), json).toString());
    }

    @Test
    void otherCharactersPassAsTheyAre() {
        assertEquals("Hélène Dupont-Léa ★ 2A", Outbox.copyText(new StringBuilder(), "Hélène Dupont-Léa ★ 2A").toString());
    }
}
