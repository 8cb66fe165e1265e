package fr.cpa.catalogue.reference;

import fr.cpa.catalogue.csv.CsvReader;
import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.annotation.Priority;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * Loads the reference data shipped under {@code reference/} at start: departments and regions
 * (INSEE), jobs of ROME 4.0 v58 with their tree and alternative titles (France Travail), the RNCP
 * register and its RNCP -> ROME links (France compétences). Idempotent: the files' checksum is kept in
 * {@code reference_load}, so a restart with the same files changes nothing, and new files replace the
 * old rows in one transaction. An advisory lock keeps two instances from loading at once.
 */
@ApplicationScoped
public class ReferenceData {

    private static final Logger LOG = Logger.getLogger(ReferenceData.class);
    static final String NAME = "reference";
    static final List<String> FILES = List.of("departements-france.csv", "rome_codes_tree.csv",
            "rome_appellations.csv", "rncp_info.csv", "rncp_rome.csv");
    private static final long LOCK = 0x6361745265664CL;

    private final AgroalDataSource dataSource;

    ReferenceData(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    void onStart(@Observes @Priority(10) StartupEvent event) {
        try {
            load();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot load the reference data", e);
        }
    }

    public void load() throws SQLException {
        String checksum = checksum();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("select pg_advisory_xact_lock(" + LOCK + ")");
            }
            try (PreparedStatement ps = c.prepareStatement("select checksum from reference_load where name = ?")) {
                ps.setString(1, NAME);
                ResultSet rs = ps.executeQuery();
                if (rs.next() && rs.getString(1).equals(checksum)) {
                    c.commit();
                    return;
                }
            }
            long start = System.nanoTime();
            try (Statement s = c.createStatement()) {
                s.execute("delete from certification_job");
                s.execute("delete from certification");
                s.execute("delete from job_title");
                s.execute("delete from job");
                s.execute("delete from department");
                s.execute("delete from region");
            }
            int rows = loadDepartments(c);
            Set<String> jobs = new HashSet<>();
            rows += loadJobs(c, jobs);
            rows += loadJobTitles(c, jobs);
            rows += loadCertifications(c);
            rows += loadCertificationJobs(c, jobs);
            try (Statement s = c.createStatement()) {
                s.execute("""
                        update job set search_vector =
                            setweight(to_tsvector('french_unaccent', title), 'A') ||
                            setweight(to_tsvector('french_unaccent', coalesce(
                                (select string_agg(t.title, ' ') from job_title t where t.rome_code = job.rome_code), '')), 'B')""");
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into reference_load (name, checksum, rows, loaded_at) values (?, ?, ?, now())
                    on conflict (name) do update set checksum = excluded.checksum, rows = excluded.rows,
                        loaded_at = excluded.loaded_at""")) {
                ps.setString(1, NAME);
                ps.setString(2, checksum);
                ps.setInt(3, rows);
                ps.executeUpdate();
            }
            c.commit();
            LOG.infof("reference data loaded: %d rows in %d ms", rows, (System.nanoTime() - start) / 1_000_000);
        }
    }

    private static int loadDepartments(Connection c) throws SQLException {
        Set<String> regions = new HashSet<>();
        int n = 0;
        try (CsvReader csv = open("departements-france.csv");
             PreparedStatement region = c.prepareStatement("insert into region (code, name) values (?, ?)");
             PreparedStatement department = c.prepareStatement(
                     "insert into department (code, name, region_code) values (?, ?, ?)")) {
            List<List<String>> rows = new java.util.ArrayList<>();
            for (List<String> r; (r = csv.next()) != null; ) {
                rows.add(r);
                if (regions.add(r.get(2))) {
                    region.setString(1, r.get(2));
                    region.setString(2, r.get(3));
                    region.addBatch();
                }
            }
            region.executeBatch();
            for (List<String> r : rows) {
                department.setString(1, r.get(0));
                department.setString(2, r.get(1));
                department.setString(3, r.get(2));
                department.addBatch();
                n++;
            }
            department.executeBatch();
        }
        return n + regions.size();
    }

    private static int loadJobs(Connection c, Set<String> codes) throws SQLException {
        try (CsvReader csv = open("rome_codes_tree.csv");
             PreparedStatement ps = c.prepareStatement("""
                     insert into job (rome_code, title, grand_domaine_code, grand_domaine_title, domaine_code, domaine_title)
                     values (?, ?, ?, ?, ?, ?)""")) {
            for (List<String> r; (r = csv.next()) != null; ) {
                if (!codes.add(r.get(0))) {
                    continue;
                }
                for (int i = 0; i < 6; i++) {
                    ps.setString(i + 1, r.get(i));
                }
                ps.addBatch();
            }
            ps.executeBatch();
        }
        return codes.size();
    }

    private static int loadJobTitles(Connection c, Set<String> jobs) throws SQLException {
        int n = 0;
        try (CsvReader csv = open("rome_appellations.csv");
             PreparedStatement ps = c.prepareStatement("insert into job_title (ogr_code, title, rome_code) values (?, ?, ?)")) {
            for (List<String> r; (r = csv.next()) != null; ) {
                if (!jobs.contains(r.get(2))) {
                    continue;
                }
                ps.setString(1, r.get(0));
                ps.setString(2, r.get(1));
                ps.setString(3, r.get(2));
                ps.addBatch();
                if (++n % 2000 == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
        return n;
    }

    private static int loadCertifications(Connection c) throws SQLException {
        int n = 0;
        Set<String> seen = new HashSet<>();
        try (CsvReader csv = open("rncp_info.csv");
             PreparedStatement ps = c.prepareStatement(
                     "insert into certification (code, type, title, active, level, kind) values (?, 'RNCP', ?, ?, ?, ?)")) {
            for (List<String> r; (r = csv.next()) != null; ) {
                String code = r.get(0).strip();
                if (code.isEmpty() || !seen.add(code)) {
                    continue;
                }
                ps.setString(1, code);
                ps.setString(2, r.get(1).strip());
                ps.setBoolean(3, "ACTIVE".equalsIgnoreCase(r.get(2).strip()));
                ps.setString(4, blankToNull(r.get(3)));
                ps.setString(5, blankToNull(r.get(4)));
                ps.addBatch();
                if (++n % 2000 == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
        return n;
    }

    /** Links whose ROME v3 code no longer exists in ROME 4.0 are left out. */
    private static int loadCertificationJobs(Connection c, Set<String> jobs) throws SQLException {
        int n = 0;
        try (CsvReader csv = open("rncp_rome.csv");
             PreparedStatement ps = c.prepareStatement(
                     "insert into certification_job (certification_code, rome_code) values (?, ?) on conflict do nothing")) {
            for (List<String> r; (r = csv.next()) != null; ) {
                if (!jobs.contains(r.get(1))) {
                    continue;
                }
                ps.setString(1, r.get(0));
                ps.setString(2, r.get(1));
                ps.addBatch();
                if (++n % 2000 == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
        return n;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static CsvReader open(String file) {
        InputStream in = ReferenceData.class.getClassLoader().getResourceAsStream("reference/" + file);
        if (in == null) {
            throw new IllegalStateException("missing reference file reference/" + file);
        }
        return CsvReader.open(new InputStreamReader(in, StandardCharsets.UTF_8));
    }

    static String checksum() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String file : FILES) {
                try (InputStream in = ReferenceData.class.getClassLoader().getResourceAsStream("reference/" + file)) {
                    if (in == null) {
                        throw new IllegalStateException("missing reference file reference/" + file);
                    }
                    digest.update(in.readAllBytes());
                }
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
