package fr.cpa.catalogue.importer;

import fr.cpa.catalogue.search.FrequentWords;
import fr.cpa.platform.problem.ProblemException;
import io.agroal.api.AgroalDataSource;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Runs imports one after the other on a background thread: the upload is streamed to a temporary
 * file (never held in memory), then read as a stream by {@link CatalogueImporter}.
 */
@ApplicationScoped
public class ImportService {

    private static final Logger LOG = Logger.getLogger(ImportService.class);

    private final AgroalDataSource dataSource;
    private final FrequentWords frequentWords;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "catalogue-import");
        t.setDaemon(true);
        return t;
    });

    ImportService(AgroalDataSource dataSource, FrequentWords frequentWords) {
        this.dataSource = dataSource;
        this.frequentWords = frequentWords;
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }

    public ImportApi.ImportView start(InputStream body, String fileName, String requestedBy) {
        Path file;
        long size;
        try {
            file = Files.createTempFile("catalogue-import-", ".csv");
            size = Files.copy(body, file, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot receive the file", e);
        }
        if (size == 0) {
            deleteQuietly(file);
            throw ProblemException.invalid("body", "the CSV file is empty");
        }
        UUID id = UUID.randomUUID();
        try (Connection c = dataSource.getConnection()) {
            CatalogueImporter.begin(c, id, fileName, requestedBy, size);
        } catch (SQLException e) {
            deleteQuietly(file);
            throw new IllegalStateException("cannot record the import", e);
        }
        worker.submit(() -> run(id, file));
        return get(id);
    }

    /** Runs an import synchronously from a stream (the demo set at start). */
    public CatalogueImporter.Counts runNow(InputStream in, String fileName, String requestedBy) throws SQLException {
        UUID id = UUID.randomUUID();
        try (Connection c = dataSource.getConnection()) {
            CatalogueImporter.begin(c, id, fileName, requestedBy, null);
            CatalogueImporter.Counts counts = new CatalogueImporter(c, id).run(in, progress -> { });
            frequentWords.refresh();
            return counts;
        }
    }

    private void run(UUID id, Path file) {
        long start = System.nanoTime();
        try (Connection c = dataSource.getConnection(); InputStream in = Files.newInputStream(file)) {
            try {
                CatalogueImporter.Counts counts = new CatalogueImporter(c, id).run(in, p -> { });
                LOG.infof("import %s done in %d ms: %d rows read, %d created, %d updated, %d unchanged, %d rejected",
                        id, (System.nanoTime() - start) / 1_000_000, counts.rowsRead(), counts.created(),
                        counts.updated(), counts.unchanged(), counts.rejected());
                // an import can change which words are frequent (the first one makes them all)
                frequentWords.refresh();
            } catch (RuntimeException | SQLException e) {
                LOG.errorf(e, "import %s failed", id);
                CatalogueImporter.fail(c, id, e.getMessage());
            }
        } catch (IOException | SQLException e) {
            LOG.errorf(e, "import %s could not run", id);
        } finally {
            deleteQuietly(file);
        }
    }

    public ImportApi.ImportView get(UUID id) {
        try (Connection c = dataSource.getConnection()) {
            ImportApi.ImportView view;
            try (PreparedStatement ps = c.prepareStatement("""
                    select status, file_name, bytes_total, bytes_read, rows_read, created, updated, unchanged, rejected,
                           error, started_at, finished_at from catalogue_import where id = ?""")) {
                ps.setObject(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw ProblemException.notFound("import " + id);
                    }
                    List<ImportApi.Rejection> rejections = rejections(c, id);
                    Long total = (Long) rs.getObject(3);
                    long bytesRead = rs.getLong(4);
                    String status = rs.getString(1);
                    Integer percent = "DONE".equals(status) ? Integer.valueOf(100)
                            : total == null || total == 0 ? null : (int) Math.min(99, bytesRead * 100 / total);
                    view = new ImportApi.ImportView(id.toString(), status, rs.getString(2), percent, rs.getLong(5),
                            rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9), rejections, rs.getString(10),
                            rs.getObject(11, java.time.OffsetDateTime.class).toInstant(),
                            rs.getObject(12) == null ? null : rs.getObject(12, java.time.OffsetDateTime.class).toInstant());
                }
            }
            return view;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read import " + id, e);
        }
    }

    private static List<ImportApi.Rejection> rejections(Connection c, UUID id) throws SQLException {
        List<ImportApi.Rejection> list = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                select line, number, reasons from catalogue_import_rejection where import_id = ? order by line limit 100""")) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    list.add(new ImportApi.Rejection(rs.getLong(1), rs.getString(2), rs.getString(3)));
                }
            }
        }
        return list;
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warnf("cannot delete %s", file);
        }
    }

    static Instant now() {
        return Instant.now();
    }
}
