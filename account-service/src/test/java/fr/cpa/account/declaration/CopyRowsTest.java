package fr.cpa.account.declaration;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** COPY's text format: the characters that end a field or a row, and the escape itself, are escaped. */
class CopyRowsTest {

    static String escaped(String value) {
        return CopyRows.escape(new StringBuilder(), value).toString();
    }

    @Test
    void plainAndAccentedTextIsSentAsItIs() {
        assertEquals("Zoé Lefèvre \"Ørsted\"", escaped("Zoé Lefèvre \"Ørsted\""));
    }

    @Test
    void backslashTabNewlineAndCarriageReturnAreEscaped() {
        assertEquals("a\\\\b\\tc\\nd\\re", escaped("a\\b\tc\nd\re"));
    }

    @Test
    void aNameSpellingTheNullMarkerIsNotNull() {
        // \N alone is COPY's null: a backslash in a value is doubled, so the name stays a name
        assertEquals("\\\\N", escaped("\\N"));
    }
}
