package fr.cpa.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class DatabasesTest {

    @Test
    void anotherDatabaseOfTheSameServerKeepsTheParameters() {
        assertEquals("jdbc:postgresql://db.internal:5432/account?sslmode=require",
                Databases.withDatabase("jdbc:postgresql://db.internal:5432/postgres?sslmode=require", "account"));
        assertEquals("jdbc:postgresql://localhost:15432/catalogue",
                Databases.withDatabase("jdbc:postgresql://localhost:15432/", "catalogue"));
    }

    @Test
    void onlyPlainNamesReachCreateDatabase() {
        assertThrows(IllegalArgumentException.class,
                () -> Databases.createIfMissing("jdbc:postgresql://localhost:1/postgres", "u", "p", "x; drop database y"));
    }
}
