import fr.cpa.testing.JwtKeys;
import fr.cpa.testing.KafkaServer;
import fr.cpa.testing.Ports;
import fr.cpa.testing.PostgresServer;
import fr.cpa.testing.Readiness;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Payroll push benchmark (issue 4): ESTABLISHMENTS × EMPLOYEES employee-months pushed through
 * POST /api/v1/declarations of a running account-service (its packaged jar), validated, stored and
 * every event published to Kafka (outbox drained); compared with a PostgreSQL COPY of the same rows
 * into a plain table on the same server, in the same session. Two rounds: a first month where every
 * NIR is unknown (each creates a pending holder and a HolderRegistered), then the next month with
 * known holders (the steady state).
 */
public class PayrollBench {

    static final int ESTABLISHMENTS = Integer.getInteger("establishments", 10);
    static final int EMPLOYEES = Integer.getInteger("employees", 10_000);
    static final String HASH_KEY = "ZGV2LW9ubHktbmlyLWxvb2t1cC1obWFjLWtleS0zMmI=";
    static final String ENCRYPTION_KEY = "ZGV2LW9ubHktbmlyLWVuY3J5cHRpb24ta2V5LTMyYiE=";

    record Round(String name, String period, long rows, double postSeconds, double publishedSeconds, long events) {
        double rowsPerSecond() {
            return rows / publishedSeconds;
        }
    }

    static String loadAtStart = "";

    public static void main(String[] args) throws Exception {
        loadAtStart = Files.readString(Path.of("/proc/loadavg")).trim();
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        // -Djar= lets the benchmark run a copy of the packaged service while the module is being rebuilt
        Path jar = System.getProperty("jar") != null ? Path.of(System.getProperty("jar"))
                : root.resolve("account-service/target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException("build account-service first: " + jar);
        }
        Path work = Files.createTempDirectory("payroll-bench-");
        log("starting PostgreSQL and Kafka");
        PostgresServer postgres = PostgresServer.startTemporary();
        postgres.createDatabaseIfMissing("account");
        KafkaServer kafka = KafkaServer.temporary().start();
        JwtKeys keys = JwtKeys.inDirectory(work);
        int port = Ports.free();
        String jdbc = postgres.jdbcUrl("account");

        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g"));
        String serviceOptions = System.getenv().getOrDefault("SERVICE_JAVA_OPTS", "");
        if (!serviceOptions.isBlank()) {
            command.addAll(List.of(serviceOptions.trim().split("\\s+"))); // e.g. -XX:StartFlightRecording=…
        }
        command.addAll(List.of(
                "-Dquarkus.http.port=" + port,
                "-Dquarkus.datasource.jdbc.url=" + jdbc,
                "-Dquarkus.datasource.username=" + postgres.user(),
                "-Dquarkus.datasource.password=" + postgres.password(),
                "-Dkafka.bootstrap.servers=" + kafka.bootstrapServers(),
                "-Dmp.jwt.verify.publickey.location=" + keys.publicKey(),
                "-Dcpa.nir.hash-key=" + HASH_KEY,
                "-Dcpa.nir.encryption-key=" + ENCRYPTION_KEY,
                "-jar", jar.toString()));
        Process service = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(work.resolve("account-service.log").toFile()).start();
        try {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            String base = "http://localhost:" + port;
            Readiness.await("account-service", base, service, Duration.ofMinutes(5));
            log("account-service ready");
            List<String> sirets = new ArrayList<>();
            for (int e = 0; e < ESTABLISHMENTS; e++) {
                sirets.add(siret(e));
            }
            List<Round> rounds = new ArrayList<>();
            try (Connection db = DriverManager.getConnection(jdbc, postgres.user(), postgres.password())) {
                rounds.add(round("first month (unknown NIRs → pending holders)", "2025-01", http, base, keys, sirets, db));
                rounds.add(round("next month (known holders)", "2025-02", http, base, keys, sirets, db));
                double copySeconds = copy(db);
                Floor floor = floor(db);
                List<String> phases = Files.readAllLines(work.resolve("account-service.log")).stream()
                        .filter(line -> line.contains("accepted: SIRET")).map(line -> line.replaceAll(".*accepted: ", ""))
                        .toList();
                write(root, rounds, copySeconds, floor, phases);
            }
        } finally {
            service.destroy();
            service.waitFor();
            kafka.stop();
            postgres.stop();
        }
    }

    static Round round(String name, String period, HttpClient http, String base, JwtKeys keys, List<String> sirets,
                       Connection db) throws Exception {
        List<byte[]> bodies = new ArrayList<>();
        for (int e = 0; e < sirets.size(); e++) {
            bodies.add(body(sirets.get(e), period, e).getBytes(StandardCharsets.UTF_8));
        }
        long before = count(db, "select count(*) from outbox_event");
        log(name + ": pushing " + sirets.size() + " declarations of " + EMPLOYEES + " employees");
        long start = System.nanoTime();
        for (int e = 0; e < sirets.size(); e++) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/declarations"))
                    .timeout(Duration.ofMinutes(30))
                    .header("Authorization", "Bearer " + token(keys, sirets.get(e)))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(bodies.get(e))).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 201) {
                throw new IllegalStateException("declaration " + e + " refused: " + response.statusCode() + " "
                        + response.body().substring(0, Math.min(2000, response.body().length())));
            }
        }
        double posted = (System.nanoTime() - start) / 1e9;
        log(name + ": accepted in " + posted + " s; waiting for the outbox to drain");
        while (count(db, "select count(*) from outbox_event where sent_at is null") > 0) {
            Thread.sleep(100);
        }
        double published = (System.nanoTime() - start) / 1e9;
        long events = count(db, "select count(*) from outbox_event") - before;
        log(name + ": all " + events + " events published after " + published + " s");
        return new Round(name, period, (long) sirets.size() * EMPLOYEES, posted, published, events);
    }

    /** The floor of the service's own design: its rows with their keys, and one outbox event per row. */
    record Floor(double rowsSeconds, double eventsSeconds, int payloadBytes) {
        double seconds() {
            return rowsSeconds + eventsSeconds;
        }
    }

    /**
     * What storing a round costs at the least in this design, by COPY and nothing else (no HTTP, parsing,
     * validation, holder look-up nor Kafka): the same rows into a table like {@code declaration_employee}
     * (its primary key and holder index), and as many events, each the size of a real one taken from the
     * outbox, into a table like {@code outbox_event} (its keys). If this floor is under half the plain COPY
     * rate, no implementation of this design reaches the issue's target.
     */
    static Floor floor(Connection db) throws Exception {
        String payload;
        try (Statement s = db.createStatement()) {
            s.execute("create table bench_floor_rows (like declaration_employee including all)");
            s.execute("create table bench_floor_events (like outbox_event including all)");
            try (ResultSet rs = s.executeQuery(
                    "select payload from outbox_event where event_type = 'ActivityDeclared' order by id desc limit 1")) {
                payload = rs.next() ? rs.getString(1) : "{}";
            }
        }
        CopyManager copy = db.unwrap(PGConnection.class).getCopyAPI();
        String rowsCsv = csv();
        long start = System.nanoTime();
        copy.copyIn("copy bench_floor_rows from stdin with (format csv)", new StringReader(rowsCsv));
        double rowsSeconds = (System.nanoTime() - start) / 1e9;
        StringBuilder events = new StringBuilder();
        String escaped = "\"" + payload.replace("\"", "\"\"") + "\"";
        for (long i = 0; i < (long) ESTABLISHMENTS * EMPLOYEES; i++) {
            events.append(UUID.randomUUID()).append(",cpa.activity.v1,").append(UUID.randomUUID())
                    .append(",ActivityDeclared,").append(escaped).append(",2025-02-01T00:00:00Z\n");
        }
        start = System.nanoTime();
        copy.copyIn("copy bench_floor_events (event_id, topic, record_key, event_type, payload, created_at) from stdin"
                + " with (format csv)", new StringReader(events.toString()));
        double eventsSeconds = (System.nanoTime() - start) / 1e9;
        log("floor: rows with their keys in " + rowsSeconds + " s, events in " + eventsSeconds + " s");
        return new Floor(rowsSeconds, eventsSeconds, payload.getBytes(StandardCharsets.UTF_8).length);
    }

    /** The same rows, as CSV, into a plain table without index or constraint: the floor of storing them. */
    static double copy(Connection db) throws Exception {
        try (Statement s = db.createStatement()) {
            s.execute("""
                    create table bench_copy (declaration_id uuid, line int, holder_id uuid, last_name text,
                    first_name text, birth_date date, contract_nature text, contract_start date, contract_end date,
                    status text, category text, time_unit text, paid_time bigint, reference_time bigint,
                    part_time_rate int, gross_pay bigint, absences text)""");
        }
        String csv = csv();
        CopyManager copy = db.unwrap(PGConnection.class).getCopyAPI();
        long start = System.nanoTime();
        long rows = copy.copyIn("copy bench_copy from stdin with (format csv)", new StringReader(csv));
        double seconds = (System.nanoTime() - start) / 1e9;
        log("COPY of " + rows + " rows in " + seconds + " s");
        return seconds;
    }

    /** A round's rows as CSV, in the columns of {@code declaration_employee}. */
    static String csv() {
        StringBuilder csv = new StringBuilder();
        for (int e = 0; e < ESTABLISHMENTS; e++) {
            UUID declaration = UUID.randomUUID();
            for (int i = 0; i < EMPLOYEES; i++) {
                csv.append(declaration).append(',').append(i).append(',').append(UUID.randomUUID())
                        .append(",Durand,Paul,").append(1980 + e).append("-05-10,CDI,2020-01-01,,EMPLOYEE,,HOURS,9100,9100,100,,")
                        .append(i % 20 == 0 ? "\"[{\"\"kind\"\":\"\"MATERNITY\"\",\"\"minutes\"\":2100}]\"" : "[]").append('\n');
            }
        }
        return csv.toString();
    }

    static String body(String siret, String period, int establishment) {
        StringBuilder json = new StringBuilder(EMPLOYEES * 450);
        json.append("{\"declarationId\":\"").append(UUID.randomUUID()).append("\",\"siret\":\"").append(siret)
                .append("\",\"period\":\"").append(period).append("\",\"employees\":[");
        int year = 1980 + establishment;
        for (int i = 0; i < EMPLOYEES; i++) {
            String nirBody = "1" + (year % 100) + "05" + "75" + String.format("%03d", 1 + i / 999)
                    + String.format("%03d", 1 + i % 999);
            String nir = nirBody + String.format("%02d", 97 - new java.math.BigInteger(nirBody).mod(java.math.BigInteger.valueOf(97)).intValue());
            json.append(i == 0 ? "" : ",").append("{\"nir\":\"").append(nir)
                    .append("\",\"lastName\":\"Durand\",\"firstName\":\"Paul\",\"birthDate\":\"").append(year)
                    .append("-05-10\",\"contract\":{\"nature\":\"CDI\",\"start\":\"2020-01-01\",\"end\":null,")
                    .append("\"status\":\"EMPLOYEE\",\"category\":null},\"timeUnit\":\"HOURS\",\"paidTime\":151.67,")
                    .append("\"referenceTime\":151.67,\"partTimeRate\":100,\"grossPay\":null,\"absences\":")
                    .append(i % 20 == 0 ? "[{\"kind\":\"MATERNITY\",\"hours\":35}]" : "[]")
                    .append(",\"exposures\":[]}");
        }
        return json.append("]}").toString();
    }

    /** An establishment number per index and the Luhn check digit. */
    static String siret(int index) {
        String digits = "7328293200" + String.format("%03d", index);
        for (int check = 0; check < 10; check++) {
            String candidate = digits + check;
            int sum = 0;
            for (int i = 0; i < 14; i++) {
                int d = candidate.charAt(13 - i) - '0';
                if (i % 2 == 1) {
                    d = d * 2 > 9 ? d * 2 - 9 : d * 2;
                }
                sum += d;
            }
            if (sum % 10 == 0) {
                return candidate;
            }
        }
        throw new IllegalStateException();
    }

    static String token(JwtKeys keys, String siret) {
        long now = Instant.now().getEpochSecond();
        return keys.sign("{\"iss\":\"" + JwtKeys.ISSUER + "\",\"sub\":\"bench-" + siret + "\",\"groups\":[\"employer\"],"
                + "\"siret\":\"" + siret + "\",\"iat\":" + now + ",\"exp\":" + (now + 7200) + "}");
    }

    static long count(Connection db, String sql) throws Exception {
        try (Statement s = db.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    static void write(Path root, List<Round> rounds, double copySeconds, Floor floor, List<String> phases) throws Exception {
        long copyRows = (long) ESTABLISHMENTS * EMPLOYEES;
        double copyRate = copyRows / copySeconds;
        StringBuilder md = new StringBuilder("# Payroll push benchmark — ")
                .append(LocalDateTime.now().withNano(0)).append("\n\n")
                .append(ESTABLISHMENTS).append(" establishments × ").append(EMPLOYEES)
                .append(" employees per month, through `POST /api/v1/declarations` of the packaged account-service ")
                .append("(one request per establishment, sequential), until every event is acknowledged by Kafka ")
                .append("(outbox drained). Baseline: `COPY` of the same number of rows (same columns as ")
                .append("`declaration_employee`) into a plain table of the same PostgreSQL, in the same session.\n\n")
                .append("Machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores, load average ")
                .append(Files.readString(Path.of("/proc/loadavg")).trim()).append(" at the end, ").append(loadAtStart).append(" at the start (a shared machine).\n\n")
                .append("| round | employee-months | accepted (s) | all events published (s) | events | rows/s end to end | ratio to COPY |\n")
                .append("|---|---|---|---|---|---|---|\n");
        for (Round r : rounds) {
            md.append(String.format("| %s | %d | %.1f | %.1f | %d | %.0f | %.3f× |%n", r.name(), r.rows(),
                    r.postSeconds(), r.publishedSeconds(), r.events(), r.rowsPerSecond(), r.rowsPerSecond() / copyRate));
        }
        md.append(String.format("%nCOPY: %d rows in %.2f s = %.0f rows/s. Target: ≥ 0.5× the COPY rate.%n",
                copyRows, copySeconds, copyRate));
        double floorRate = copyRows / floor.seconds();
        md.append(String.format("%nFloor of this design, by COPY alone in the same session (no HTTP, parsing, validation, "
                        + "holder look-up nor Kafka): the rows into a table like `declaration_employee` with its keys "
                        + "%.2f s, and one event per row (%d bytes, a real `ActivityDeclared` envelope) into a table like "
                        + "`outbox_event` with its keys %.2f s: %.0f rows/s = **%.3f×** the plain COPY; the next month's "
                        + "round reaches %.0f %% of this floor.%n",
                floor.rowsSeconds(), floor.payloadBytes(), floor.eventsSeconds(), floorRate, floorRate / copyRate,
                100 * rounds.get(rounds.size() - 1).rowsPerSecond() / floorRate));
        md.append("\nThe service's own timing of each declaration (from its log):\n\n");
        for (String phase : phases) {
            md.append("- ").append(phase).append('\n');
        }
        Path results = root.resolve("bench/results");
        Files.createDirectories(results);
        Path file = results.resolve("payroll-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".md");
        Files.writeString(file, md.toString());
        System.out.println(md);
        log("written to " + file);
    }

    static void log(String message) {
        System.out.println(LocalDateTime.now().withNano(0) + " " + message);
    }
}
