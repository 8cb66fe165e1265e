package fr.cpa.trainingrights.acquisition;

import fr.cpa.testing.PostgresServer;
import org.flywaydb.core.Flyway;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A throw-away PostgreSQL database migrated up to a given version, for the tests of what a later migration does
 * to the rows written before it: seed at that version, {@link #migrate()}, read back.
 */
final class MigrationDatabase implements AutoCloseable {

    private final PostgresServer postgres;
    private final String url;

    private MigrationDatabase(PostgresServer postgres, String url) {
        this.postgres = postgres;
        this.url = url;
    }

    /** A new server with database {@code name}, migrated to {@code version} (platform's and the service's scripts). */
    static MigrationDatabase at(String name, String version) {
        PostgresServer postgres = PostgresServer.startTemporary();
        postgres.createDatabaseIfMissing(name);
        MigrationDatabase db = new MigrationDatabase(postgres, postgres.jdbcUrl(name));
        db.flyway(version).migrate();
        return db;
    }

    /** Every migration after the seeded version. */
    void migrate() {
        flyway(null).migrate();
    }

    void sql(String statements) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute(statements);
        }
    }

    List<List<Object>> rows(String query) throws SQLException {
        List<List<Object>> rows = new ArrayList<>();
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(query)) {
            while (r.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= r.getMetaData().getColumnCount(); i++) {
                    row.add(r.getObject(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    @Override
    public void close() {
        postgres.stop();
    }

    private Flyway flyway(String target) {
        var config = Flyway.configure().dataSource(url, postgres.user(), postgres.password())
                .locations("classpath:db/platform", "classpath:db/migration");
        return (target == null ? config : config.target(target)).load();
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(url, postgres.user(), postgres.password());
    }
}
