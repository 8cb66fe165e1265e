package fr.cpa.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A real PostgreSQL server run from the binaries that zonky ships in a Maven artifact, so that
 * neither Docker nor an installed PostgreSQL is needed. As root, zonky runs {@code initdb} and the
 * server inside {@code unshare -U}, because PostgreSQL refuses to run as root.
 *
 * <p>Authentication is {@code trust} on localhost: any password is accepted for {@link #USER}.
 */
public final class PostgresServer implements AutoCloseable {

    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";

    private final EmbeddedPostgres postgres;

    private PostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** For tests: a free port and a throwaway data directory, stopped when the JVM exits. */
    public static PostgresServer startTemporary() {
        try {
            return new PostgresServer(EmbeddedPostgres.builder().start());
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start", e);
        }
    }

    /**
     * For local-stack: the given port and a data directory kept between runs. Its server output goes
     * to {@code logFile}. No shutdown hook: the caller stops it, after the services that use it.
     */
    public static PostgresServer startKept(Path dataDir, int port, Path logFile) {
        try {
            Files.createDirectories(dataDir);
            Files.createDirectories(logFile.toAbsolutePath().getParent());
            return new PostgresServer(EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setRegisterShutdownHook(false)
                    .setOutputRedirector(Redirect.appendTo(logFile.toFile()))
                    .setErrorRedirector(Redirect.appendTo(logFile.toFile()))
                    .start());
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start on port " + port + " with data in " + dataDir
                    + " (see " + logFile + ")", e);
        }
    }

    public int port() {
        return postgres.getPort();
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port() + "/" + database;
    }

    public String user() {
        return USER;
    }

    public String password() {
        return PASSWORD;
    }

    public void createDatabaseIfMissing(String name) {
        Databases.createIfMissing(jdbcUrl("postgres"), USER, PASSWORD, name);
    }

    /** Stops the server; a temporary one also loses its data directory. */
    public void stop() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not stop cleanly", e);
        }
    }

    @Override
    public void close() {
        stop();
    }
}
