package fr.cpa.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Creating databases on any PostgreSQL server, embedded or external (local-stack's CPA_DB_URL). */
public final class Databases {

    /** jdbc:postgresql://host:port/database?params — group 1 is what precedes the database name. */
    private static final Pattern POSTGRES_URL = Pattern.compile("(jdbc:postgresql://[^/]+/)([^?]*)(\\?.*)?");

    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]*");

    private Databases() {
    }

    /**
     * Creates database {@code name} unless it exists, connecting through {@code jdbcUrl} (any
     * database of that server) as a user allowed to create databases.
     */
    public static void createIfMissing(String jdbcUrl, String user, String password, String name) {
        // CREATE DATABASE takes no bind parameter, so the name is checked before it reaches SQL.
        if (!DATABASE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Not a plain database name: " + name);
        }
        // A server that has just started, on a busy machine, may time out a first connection.
        for (int attempt = 1; ; attempt++) {
            try {
                tryCreate(jdbcUrl, user, password, name);
                return;
            } catch (IllegalStateException e) {
                if (attempt == CONNECT_ATTEMPTS) {
                    throw e;
                }
                sleep(attempt * 1000L);
            }
        }
    }

    private static final int CONNECT_ATTEMPTS = 5;

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for PostgreSQL", e);
        }
    }

    private static void tryCreate(String jdbcUrl, String user, String password, String name) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, user, password);
                PreparedStatement exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, name);
            if (exists.executeQuery().next()) {
                return;
            }
            try (Statement create = connection.createStatement()) {
                create.execute("create database " + name);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + name + " through " + jdbcUrl, e);
        }
    }

    /** The same server URL pointing at another database, keeping any query parameters. */
    public static String withDatabase(String jdbcUrl, String database) {
        Matcher url = POSTGRES_URL.matcher(jdbcUrl);
        if (!url.matches()) {
            throw new IllegalArgumentException("Not a jdbc:postgresql://host:port/database URL: " + jdbcUrl);
        }
        return url.group(1) + database + (url.group(3) == null ? "" : url.group(3));
    }
}
