package fr.cpa.platform.consumer;

import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Found by the e2e fault test: while a service's database refused it for 20 s, events failed three
 * times and went to the dead-letter topic — accepted writes taken out of the flow. Infrastructure
 * failures are now waited out; only failures of the event itself are dead-lettered.
 */
class TransientFailureTest {

    @Test
    void theDatabaseRefusingConnectionsIsTransientAsHibernateReportsIt() {
        SQLException refused = new SQLException("FATAL: database \"training_rights\" is not currently accepting connections", "55000");
        assertTrue(TransientFailure.is(new RuntimeException("Unable to acquire JDBC Connection [FATAL: ...]", refused)));
    }

    @Test
    void connectionShutdownDeadlockAndSerialisationStatesAreTransient() {
        for (String state : new String[]{"08006", "08001", "57P01", "57P03", "53300", "40001", "40P01"}) {
            assertTrue(TransientFailure.is(new IllegalStateException("wrapped", new SQLException("x", state))), state);
        }
        assertTrue(TransientFailure.is(new RuntimeException(new SQLTransientConnectionException("pool exhausted"))));
        assertTrue(TransientFailure.is(new RuntimeException(new ConnectException("Connection refused"))));
    }

    @Test
    void failuresOfTheEventItselfAreNotTransient() {
        assertFalse(TransientFailure.is(new SQLException("duplicate key value violates unique constraint", "23505")));
        assertFalse(TransientFailure.is(new SQLException("value too long for type character varying(14)", "22001")));
        assertFalse(TransientFailure.is(new IllegalArgumentException("unknown status")));
        assertFalse(TransientFailure.is(new SQLException("no state")));
    }
}
