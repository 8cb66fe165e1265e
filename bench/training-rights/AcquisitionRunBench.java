import fr.cpa.testing.JwtKeys;
import fr.cpa.testing.KafkaServer;
import fr.cpa.testing.Ports;
import fr.cpa.testing.PostgresServer;
import fr.cpa.testing.Readiness;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The yearly acquisition run over HOLDERS synthetic holders through the packaged training-rights-service
 * (POST /api/v1/admin/acquisition-runs, then its scheduled worker until the run is DONE), against one
 * set-based SQL statement computing the same euros-era credits on the same database, in the same session.
 *
 * Synthetic population: 12 declared months of year YEAR per holder (one SIRET), paid time from 10 % to
 * 100 % of a full-time month (holder number mod 10), 1 holder in 20 low-qualified (800 € a year).
 */
public class AcquisitionRunBench {

    static final int HOLDERS = Integer.getInteger("holders", 1_000_000);
    static final int YEAR = Integer.getInteger("year", 2025);
    static final boolean REUSE = Boolean.getBoolean("reuse");
    /** 1 607 h / 12 in minutes */
    static final long MONTH = 8035;

    public static void main(String[] args) throws Exception {
        String loadAtStart = Files.readString(Path.of("/proc/loadavg")).trim();
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        Path app = Path.of(System.getProperty("app"));
        Path jar = app.resolve("quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException("build training-rights-service first: " + jar);
        }
        Path work = Files.createTempDirectory("cpf-bench-");
        log("starting PostgreSQL and Kafka");
        // REUSE=1: a kept database, seeded once (the seeding of a million holders takes ~13 min) and reset between runs
        Path kept = Path.of(System.getProperty("keptDir", "/tmp/cpa-bench-training-rights"));
        PostgresServer postgres = REUSE ? PostgresServer.startKept(kept.resolve("pg"), Ports.free(), kept.resolve("pg.log"))
                : PostgresServer.startTemporary();
        postgres.createDatabaseIfMissing("cpf");
        KafkaServer kafka = KafkaServer.temporary().start();
        JwtKeys keys = JwtKeys.inDirectory(work);
        int port = Ports.free();
        String jdbc = postgres.jdbcUrl("cpf");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + System.getProperty("serviceXmx", "1g")));
        // SERVICE_OPTS: extra -D options of the service (chunk size, log levels), separated by spaces; quotes are kept, as
        // Quarkus wants them around a dotted log category
        for (String option : System.getProperty("serviceOpts", "").trim().split("\\s+")) {
            if (!option.isEmpty()) {
                command.add(option);
            }
        }
        command.addAll(List.of(
                "-Dquarkus.http.port=" + port,
                "-Dquarkus.datasource.jdbc.url=" + jdbc,
                "-Dquarkus.datasource.username=" + postgres.user(),
                "-Dquarkus.datasource.password=" + postgres.password(),
                "-Dkafka.bootstrap.servers=" + kafka.bootstrapServers(),
                "-Dmp.jwt.verify.publickey.location=" + keys.publicKey(),
                "-jar", jar.toString()));
        Process service = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(work.resolve("training-rights-service.log").toFile()).start();
        try (Connection db = DriverManager.getConnection(jdbc, postgres.user(), postgres.password())) {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            String base = "http://localhost:" + port;
            Readiness.await("training-rights-service", base, service, Duration.ofMinutes(5));
            log("training-rights-service ready");
            double seedSeconds;
            if (REUSE && seeded(db) == HOLDERS) {
                log("reusing the " + HOLDERS + " holders seeded in " + kept + "; clearing the previous run");
                seedSeconds = reset(db);
            } else {
                log("seeding " + HOLDERS + " holders × 12 months");
                long t0 = System.nanoTime();
                seed(db);
                seedSeconds = seconds(t0);
                try (Statement s = db.createStatement()) {
                    s.execute("create table if not exists bench_seed (holders integer not null, seconds double precision not null)");
                    s.execute("delete from bench_seed");
                    s.execute("insert into bench_seed values (" + HOLDERS + ", " + seedSeconds + ")");
                }
                log("seeded in " + seedSeconds + " s");
            }

            String token = token(keys);
            long start = System.nanoTime();
            HttpResponse<String> started = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/admin/acquisition-runs"))
                    .timeout(Duration.ofMinutes(30)).header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"year\": " + YEAR + "}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (started.statusCode() != 202) {
                throw new IllegalStateException("run not started: " + started.statusCode() + " " + started.body());
            }
            double startSeconds = seconds(start);
            String runId = field(started.body(), "id");
            log("run " + runId + " started in " + startSeconds + " s; waiting for DONE");
            List<String> progress = new ArrayList<>();
            String status = "";
            long lastLog = 0;
            while (!"DONE".equals(status)) {
                Thread.sleep(1000);
                HttpResponse<String> p = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/admin/acquisition-runs/" + runId))
                        .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
                status = field(p.body(), "status");
                if (System.nanoTime() - lastLog > 30e9) {
                    lastLog = System.nanoTime();
                    String line = String.format("%.0f s: done %s, failed %s", seconds(start), number(p.body(), "done"), number(p.body(), "failed"));
                    progress.add(line);
                    log(line);
                }
                if (!service.isAlive()) {
                    throw new IllegalStateException("the service exited");
                }
            }
            double runSeconds = seconds(start);
            long credited = count(db, "select count(*) from cpf_entry where kind = 'ACQUISITION' and year = " + YEAR);
            long failed = count(db, "select count(*) from acquisition_run_holder where error is not null");
            log("run DONE in " + runSeconds + " s, " + credited + " ACQUISITION entries; waiting for the outbox");
            while (count(db, "select count(*) from outbox_event where sent_at is null") > 0) {
                Thread.sleep(500);
            }
            double publishedSeconds = seconds(start);
            String loadAfterRun = Files.readString(Path.of("/proc/loadavg")).trim();

            // the same credits, one set-based statement (3 times: the median counts)
            List<Double> sqlTimes = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                try (Statement s = db.createStatement()) {
                    s.execute("drop table if exists bench_set_credit");
                    long q = System.nanoTime();
                    s.execute(SET_BASED.formatted(YEAR, YEAR, YEAR));
                    sqlTimes.add(seconds(q));
                }
            }
            sqlTimes.sort(Double::compare);
            double sqlSeconds = sqlTimes.get(1);
            long mismatches = count(db, """
                    select count(*) from bench_set_credit b full join
                      (select holder_id, amount_cents from cpf_entry where kind = 'ACQUISITION' and year = %d) e using (holder_id)
                    where b.cents is distinct from e.amount_cents""".formatted(YEAR));
            log("set-based SQL: " + sqlTimes + " s; mismatches " + mismatches);
            write(root, loadAtStart, loadAfterRun, seedSeconds, startSeconds, runSeconds, publishedSeconds, credited, failed,
                    sqlTimes, sqlSeconds, mismatches, progress);
        } finally {
            service.destroy();
            service.waitFor();
            kafka.stop();
            postgres.stop();
        }
    }

    /**
     * The euros-era employee rule of AcquisitionRules for fresh accounts (no balance, so the cap never cuts):
     * yearly reference = 12 × the average monthly reference (YearlyActivity); at least half → the full yearly
     * credit, else the yearly credit × worked / reference rounded up to the cent; 800 € for the low-qualified.
     */
    static final String SET_BASED = """
            create table bench_set_credit as
            select a.holder_id,
                   case when 2 * m.paid >= m.reference then y.yearly
                        else ceil(y.yearly::numeric * m.paid / m.reference)::bigint end as cents
            from cpf_account a
            join (select holder_id, sum(paid_time) paid, round(sum(reference_time) * 12.0 / count(*))::bigint reference
                  from activity_month where year = %d group by holder_id) m on m.holder_id = a.holder_id
            cross join lateral (select case when exists (
                                      select 1 from holder_status st where st.holder_id = a.holder_id and st.status = 'LOW_QUALIFIED'
                                      and extract(year from st.valid_from) <= %d
                                      and (st.valid_to is null or extract(year from st.valid_to) >= %<d))
                                  then 80000 else 50000 end yearly) y
            where not a.closed and %d >= 2019""";

    /** The holders seeded in a kept database (0 if none). */
    static long seeded(Connection db) throws Exception {
        try (Statement s = db.createStatement()) {
            try (ResultSet r = s.executeQuery("select to_regclass('bench_seed') is not null")) {
                r.next();
                if (!r.getBoolean(1)) {
                    return 0;
                }
            }
            try (ResultSet r = s.executeQuery("select coalesce((select holders from bench_seed), 0)")) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    /** Back to the state right after seeding: no run, no entry, no event, zero balances. Returns the seeding's time. */
    static double reset(Connection db) throws Exception {
        try (Statement s = db.createStatement()) {
            s.execute("drop table if exists bench_set_credit");
            s.execute("truncate acquisition_run_holder, acquisition_run_chunk, acquisition_run, cpf_entry, outbox_event");
            s.execute("""
                    update cpf_account set ordinary_cents = 0, cec_cents = 0, top_up_cents = 0, held_cents = 0, hours_minutes = 0,
                           hours_era_minutes = 0, entry_count = 0 where entry_count <> 0""");
            s.execute("vacuum analyze cpf_account");
            try (ResultSet r = s.executeQuery("select seconds from bench_seed")) {
                r.next();
                return r.getDouble(1);
            }
        }
    }

    static void seed(Connection db) throws Exception {
        try (Statement s = db.createStatement()) {
            // a kept database seeded for another size: nothing of it stays
            s.execute("drop table if exists bench_set_credit");
            s.execute("truncate acquisition_run_holder, acquisition_run_chunk, acquisition_run, outbox_event, activity_month, cpf_account cascade");
            // twelve million rows inserted into random places of three indexes took over 20 min: the service's
            // indexes of activity_month are dropped and built again from their own definitions after the insert
            List<String> rebuild = new ArrayList<>();
            List<String> drop = new ArrayList<>();
            try (ResultSet r = s.executeQuery("""
                    select c.conname, pg_get_constraintdef(c.oid) from pg_constraint c
                    where c.conrelid = 'activity_month'::regclass and c.contype = 'p'""")) {
                while (r.next()) {
                    drop.add("alter table activity_month drop constraint " + r.getString(1));
                    rebuild.add("alter table activity_month add constraint " + r.getString(1) + " " + r.getString(2));
                }
            }
            try (ResultSet r = s.executeQuery("""
                    select i.indexname, i.indexdef from pg_indexes i
                    where i.tablename = 'activity_month' and i.indexname not in
                      (select conname from pg_constraint where conrelid = 'activity_month'::regclass)""")) {
                while (r.next()) {
                    drop.add("drop index " + r.getString(1));
                    rebuild.add(r.getString(2));
                }
            }
            for (String statement : drop) {
                s.execute(statement);
            }
            s.execute("""
                    insert into cpf_account (holder_id, birth_date, opened_at, low_qualified_from)
                    select md5('holder' || i)::uuid, date '1970-01-01' + (i %% 12000), now(),
                           case when i %% 20 = 0 then date '2018-01-01' end
                    from generate_series(1, %d) i""".formatted(HOLDERS));
            // the yearly run reads low-qualified periods from holder_status, as HolderStatusChanged records them
            s.execute("""
                    insert into holder_status (holder_id, status, category, valid_from, valid_to)
                    select md5('holder' || i)::uuid, 'LOW_QUALIFIED', null, date '2018-01-01', null
                    from generate_series(1, %d) i where i %% 20 = 0""".formatted(HOLDERS));
            s.execute("""
                    insert into activity_month (holder_id, siret, declaration_id, period, year, version, status, category,
                                                time_unit, paid_time, reference_time, gross_pay_cents, absence_minutes)
                    select md5('holder' || i)::uuid, '73282932000074', md5('declaration' || m)::uuid,
                           '%d-' || lpad(m::text, 2, '0'), %d, 1, 'EMPLOYEE', null, 'HOURS',
                           %d * (i %% 10 + 1) / 10, %d, null, 0
                    from generate_series(1, %d) i cross join generate_series(1, 12) m""".formatted(YEAR, YEAR, MONTH, MONTH, HOLDERS));
            s.execute("set maintenance_work_mem = '1GB'");
            for (String statement : rebuild) {
                s.execute(statement);
            }
            // a real year's months are vacuumed by autovacuum long before the run; right after a bulk insert its
            // vacuum would run during the measured run instead
            s.execute("vacuum analyze cpf_account");
            s.execute("vacuum analyze activity_month");
        }
    }

    static void write(Path root, String loadAtStart, String loadAfterRun, double seedSeconds, double startSeconds, double runSeconds,
                      double publishedSeconds, long credited, long failed, List<Double> sqlTimes, double sqlSeconds,
                      long mismatches, List<String> progress) throws IOException {
        String stamp = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HHmmss'Z'").format(Instant.now().atZone(ZoneOffset.UTC));
        Path out = root.resolve("bench/results/training-rights-" + stamp + ".md");
        String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                .findFirst().map(l -> l.replaceAll(".*: ", "")).orElse("?");
        long cores = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("processor")).count();
        String mem = Files.readAllLines(Path.of("/proc/meminfo")).get(0).replaceAll("\\s+", " ");
        double perSecond = HOLDERS / runSeconds;
        double projected = 1_000_000 / perSecond;
        String md = """
                # Yearly acquisition run — %,d holders (%s)

                `bench/training-rights/run.sh` (HOLDERS=%d, YEAR=%d, SERVICE_OPTS=`%s`): the packaged training-rights-service
                (one replica, its scheduled workers; the run cut at its start into ranges of 2 000 holders claimed with FOR
                UPDATE SKIP LOCKED, each chunk's accounts locked and read in one query and its months in one index-only scan,
                one ACQUISITION entry with its explanation + cached balances + a `CpfCredited` outbox event per holder,
                written in bulk per chunk), then one set-based SQL statement computing the same credits on the same
                PostgreSQL, in the same session. The seeded tables are vacuumed before the run, as a year's months are in
                production by the time of the run.

                | measure | value |
                |---|---|
                | holders (12 declared months each) | %,d |
                | seeding (SQL, not timed in the run; REUSE=1: of the kept database) | %.1f s |
                | POST → run created (open accounts counted; the first worker cuts the chunks) | %.1f s |
                | POST → run DONE | **%.1f s** |
                | holders/s (run) | **%.0f** |
                | POST → every CpfCredited published to Kafka | %.1f s |
                | ACQUISITION entries / failed holders | %,d / %d |
                | set-based SQL, 3 runs (s) | %s |
                | set-based SQL, median | **%.2f s** |
                | ratio run / set-based SQL (medians) | **%.0f×** |
                | credits differing between the run and the SQL | %d |
                | projected time for 1 000 000 holders at this rate | %.0f s (%.1f min) — target ≤ 300 s: %s |

                Progress: %s

                Machine: %s, %d cores, %s. Load average (1/5/15 min) at start: %s; after the run: %s — other engineers'
                builds and tests ran at the same time, so absolute times are pessimistic; the ratio is measured side by side.
                """.formatted(HOLDERS, stamp, HOLDERS, YEAR, System.getProperty("serviceOpts", ""), HOLDERS, seedSeconds, startSeconds, runSeconds, perSecond,
                publishedSeconds, credited, failed, sqlTimes, sqlSeconds, runSeconds / sqlSeconds, mismatches,
                projected, projected / 60, projected <= 300 ? "met" : "NOT met", String.join("; ", progress),
                cpu, cores, mem, loadAtStart, loadAfterRun);
        Files.writeString(out, md);
        log("wrote " + out);
    }

    static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        return m.find() ? m.group(1) : "";
    }

    static String number(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*([0-9]+)").matcher(json);
        return m.find() ? m.group(1) : "?";
    }

    static long count(Connection db, String sql) throws Exception {
        try (Statement s = db.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    static String token(JwtKeys keys) {
        long now = Instant.now().getEpochSecond();
        return keys.sign("{\"iss\":\"" + JwtKeys.ISSUER + "\",\"sub\":\"bench-admin\",\"groups\":[\"admin\"],\"iat\":"
                + now + ",\"exp\":" + (now + 4 * 3600) + "}");
    }

    static void log(String message) {
        System.out.println(Instant.now() + " " + message);
    }
}
