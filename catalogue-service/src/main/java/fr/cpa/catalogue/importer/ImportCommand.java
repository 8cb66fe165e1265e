package fr.cpa.catalogue.importer;

import fr.cpa.catalogue.search.FrequentWordChoice;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;

/**
 * The import from the command line, with a progress bar, against the service's database (its schema
 * and reference data exist once the service has started once):
 *
 * <pre>
 * java -cp 'catalogue-service/target/quarkus-app/lib/main/*:catalogue-service/target/quarkus-app/app/*' \
 *   fr.cpa.catalogue.importer.ImportCommand --url jdbc:postgresql://localhost:5432/catalogue \
 *   --user cpa --password cpa catalogue.csv
 * </pre>
 */
public final class ImportCommand {

    private ImportCommand() {
    }

    public static void main(String[] args) throws Exception {
        String url = env("CPA_CATALOGUE_DB_URL");
        String user = env("CPA_CATALOGUE_DB_USER");
        String password = env("CPA_CATALOGUE_DB_PASSWORD");
        String file = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--url" -> url = args[++i];
                case "--user" -> user = args[++i];
                case "--password" -> password = args[++i];
                case "-h", "--help" -> {
                    usage(System.out);
                    return;
                }
                default -> file = args[i];
            }
        }
        if (url == null || file == null) {
            usage(System.err);
            System.exit(2);
        }
        Path path = Path.of(file);
        long size = Files.size(path);
        UUID id = UUID.randomUUID();
        long start = System.nanoTime();
        try (Connection c = DriverManager.getConnection(url, user, password); InputStream in = Files.newInputStream(path)) {
            CatalogueImporter.begin(c, id, path.getFileName().toString(), "command-line", size);
            CatalogueImporter.Counts counts;
            try {
                counts = new CatalogueImporter(c, id).run(in, p -> System.err.print("\r" + bar(p, size, start)));
            } catch (RuntimeException e) {
                CatalogueImporter.fail(c, id, e.getMessage());
                throw e;
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.err.println();
            System.out.printf("import %s: %d rows read, %d created, %d updated, %d unchanged, %d rejected in %.1f s (%.0f rows/s)%n",
                    id, counts.rowsRead(), counts.created(), counts.updated(), counts.unchanged(), counts.rejected(),
                    seconds, counts.rowsRead() / Math.max(seconds, 0.001));
            if (counts.rejected() > 0) {
                System.out.println("rejected rows and reasons: GET /api/v1/admin/catalogue/imports/" + id);
            }
            // as the service does after an import, with the default bounds (the service applies its own at its next choice)
            long refresh = System.nanoTime();
            try {
                int words = FrequentWordChoice.choose(c, FrequentWordChoice.DEFAULT_MIN_OFFERS, FrequentWordChoice.DEFAULT_MAX_SHARE);
                System.out.printf("%d frequent words chosen in %.1f s%n", words, (System.nanoTime() - refresh) / 1e9);
            } catch (SQLException e) {
                // the import is committed; the service chooses again at its next start, import or night
                System.err.println("warning: the frequent words could not be chosen: " + e.getMessage());
            }
        }
    }

    static String bar(CatalogueImporter.Counts p, long size, long start) {
        int width = 30;
        int percent = size == 0 ? 100 : (int) Math.min(100, p.bytesRead() * 100 / size);
        int filled = percent * width / 100;
        double seconds = Math.max((System.nanoTime() - start) / 1e9, 0.001);
        return "[" + "#".repeat(filled) + " ".repeat(width - filled) + "] " + String.format("%3d%%", percent)
                + String.format(" %,d rows (%,d new, %,d updated, %,d rejected) %,.0f rows/s", p.rowsRead(), p.created(),
                p.updated(), p.rejected(), p.rowsRead() / seconds);
    }

    private static String env(String name) {
        return System.getenv(name);
    }

    private static void usage(PrintStream out) {
        out.println("usage: ImportCommand [--url JDBC_URL] [--user USER] [--password PASSWORD] FILE.csv");
        out.println("  (or CPA_CATALOGUE_DB_URL, CPA_CATALOGUE_DB_USER, CPA_CATALOGUE_DB_PASSWORD)");
    }
}
