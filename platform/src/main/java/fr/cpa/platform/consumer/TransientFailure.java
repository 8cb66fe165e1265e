package fr.cpa.platform.consumer;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;

/**
 * Tells a failure of the infrastructure — the database unreachable, restarting or refusing
 * connections, a deadlock or serialisation conflict — from a failure of the event itself. The first
 * kind goes away by waiting and must never send an event to the dead-letter topic: that would take
 * an accepted write out of the flow for good. The second kind is retried a few times, then
 * dead-lettered so that the partition moves on.
 */
final class TransientFailure {

    private TransientFailure() {
    }

    static boolean is(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientException || t instanceof SQLRecoverableException || t instanceof ConnectException) {
                return true;
            }
            if (t instanceof SQLException sql && transientState(sql.getSQLState())) {
                return true;
            }
            String message = t.getMessage();
            if (message != null && (message.contains("Unable to acquire JDBC Connection")
                    || message.contains("Acquisition timeout while waiting for new connection"))) {
                return true;
            }
        }
        return false;
    }

    /**
     * PostgreSQL's SQLSTATE classes that say "try again later": 08 connection exception, 53
     * insufficient resources, 57P01–57P03 shutdown or cannot connect now, 40001 serialisation failure,
     * 40P01 deadlock.
     */
    static boolean transientState(String state) {
        if (state == null) {
            return false;
        }
        return state.startsWith("08") || state.startsWith("53") || state.startsWith("57P")
                || state.equals("40001") || state.equals("40P01");
    }
}
