package fr.cpa.localstack;

import fr.cpa.testing.Databases;
import fr.cpa.testing.JwtKeys;
import fr.cpa.testing.KafkaServer;
import fr.cpa.testing.PostgresServer;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;

/**
 * The whole suite on one machine, without Docker: PostgreSQL (one database per service), a Kafka
 * broker, the JWT key pair and the six services as child JVMs.
 *
 * <p>From a shell: {@code ./cpa up} (see {@link #main}). From a test: {@link #start(Options)}, then
 * {@link #close()}; {@link Options#isolated} keeps it clear of a stack started by {@code ./cpa up}.
 */
public final class LocalStack implements AutoCloseable {

    private final Options options;
    private final PrintStream out;
    private final JwtKeys keys;
    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    private PostgresServer postgres;
    private KafkaServer kafka;
    private String kafkaBootstrapServers;
    private volatile boolean closed;

    private LocalStack(Options options, PrintStream out) {
        this.options = options;
        this.out = out;
        this.keys = JwtKeys.inDirectory(options.dataDir().resolve("keys"));
    }

    /** Starts everything and returns once every service reports ready; progress goes to stdout. */
    public static LocalStack start(Options options) {
        return start(options, System.out);
    }

    static LocalStack start(Options options, PrintStream out) {
        requireBuiltServices(options.repoDir());
        prepareDataDir(options);
        LocalStack stack = new LocalStack(options, out);
        // Whatever happens to this JVM, no child process outlives it.
        Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "local-stack-stop"));
        try {
            stack.startInfrastructure();
            Service.ALL.forEach(stack::launch);
            stack.writeStackFile();
            stack.awaitReady(stack.services.values());
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    public String gatewayUrl() {
        return serviceUrl(Service.GATEWAY.module());
    }

    /** By module ({@code account-service}) or route ({@code account}) name. */
    public String serviceUrl(String name) {
        return "http://localhost:" + options.port(Service.named(name));
    }

    /** Stops one service, e.g. to show that the others keep working and catch up later. */
    public void stopService(String name) {
        services.get(Service.named(name).module()).stop();
        writeStackFile();
    }

    /** Kills one service with SIGKILL, mid-whatever it was doing (fault-injection tests). */
    public void killService(String name) {
        services.get(Service.named(name).module()).kill();
        writeStackFile();
    }

    /** Starts a stopped service again and waits until it is ready. */
    public void startService(String name) {
        ServiceProcess service = services.get(Service.named(name).module());
        service.start();
        writeStackFile();
        awaitReady(List.of(service));
    }

    /** The embedded broker, absent when the stack uses an external Kafka ({@code CPA_KAFKA}). */
    public Optional<KafkaServer> kafka() {
        return Optional.ofNullable(kafka);
    }

    public String kafkaBootstrapServers() {
        return kafkaBootstrapServers;
    }

    /** The embedded server, absent when the stack uses an external one ({@code CPA_DB_URL}). */
    public Optional<PostgresServer> postgres() {
        return Optional.ofNullable(postgres);
    }

    /** The JDBC URL of a service's database, e.g. {@code jdbcUrl("account")}. */
    public String jdbcUrl(String database) {
        return options.externalDatabase()
                .map(db -> Databases.withDatabase(db.jdbcUrl(), database))
                .orElseGet(() -> postgres.jdbcUrl(database));
    }

    public JwtKeys keys() {
        return keys;
    }

    public Options options() {
        return options;
    }

    /** Stops the services first (they may still write), then Kafka, then PostgreSQL. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        out.println("Stopping the services …");
        services.values().forEach(ServiceProcess::requestStop);
        services.values().forEach(ServiceProcess::awaitStopped);
        if (kafka != null) {
            out.println("Stopping Kafka …");
            kafka.stop();
        }
        if (postgres != null) {
            out.println("Stopping PostgreSQL …");
            postgres.stop();
        }
        StackFile.delete(options.dataDir());
        out.println("Local stack stopped.");
    }

    private static void requireBuiltServices(Path repo) {
        List<String> missing = Service.ALL.stream()
                .map(s -> quarkusRunJar(repo, s))
                .filter(jar -> !Files.exists(jar))
                .map(Path::toString)
                .toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("Services not built (run './mvnw -B -q install -DskipTests' in "
                    + repo + "): missing " + String.join(", ", missing));
        }
    }

    private static Path quarkusRunJar(Path repo, Service service) {
        return repo.resolve(service.module()).resolve("target/quarkus-app/quarkus-run.jar");
    }

    /** A fresh log per service for each stack, so that its tail tells about this run only. */
    private static void prepareDataDir(Options options) {
        try {
            Files.createDirectories(options.logDir());
            for (Service service : Service.ALL) {
                Files.deleteIfExists(logFile(options, service));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path logFile(Options options, Service service) {
        return options.logDir().resolve(service.module() + ".log");
    }

    /** PostgreSQL and Kafka start side by side: each spends most of its start waiting on itself. */
    private void startInfrastructure() {
        CompletableFuture<Void> database = CompletableFuture.runAsync(this::startDatabase);
        CompletableFuture<Void> broker = CompletableFuture.runAsync(this::startKafka);
        try {
            CompletableFuture.allOf(database, broker).join();
        } catch (CompletionException e) {
            // Both finish first, so that close() sees whichever one did start.
            database.exceptionally(t -> null).join();
            broker.exceptionally(t -> null).join();
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    private void startDatabase() {
        options.externalDatabase().ifPresentOrElse(
                db -> {
                    out.println("PostgreSQL: using " + db.jdbcUrl());
                    Service.ALL.forEach(s -> Databases.createIfMissing(db.jdbcUrl(), db.user(), db.password(), s.database()));
                },
                () -> {
                    PostgresServer started = PostgresServer.startKept(options.dataDir().resolve("pg"),
                            options.postgresPort(), options.logDir().resolve("postgres.log"));
                    synchronized (this) {
                        postgres = started;
                    }
                    Service.ALL.forEach(s -> started.createDatabaseIfMissing(s.database()));
                    out.println("PostgreSQL: ready on port " + started.port());
                });
    }

    private void startKafka() {
        options.externalKafka().ifPresentOrElse(
                servers -> {
                    out.println("Kafka: using " + servers);
                    kafkaBootstrapServers = servers;
                },
                () -> {
                    KafkaServer broker = KafkaServer.kept(options.dataDir().resolve("kafka"),
                            options.kafkaPort(), options.kafkaControllerPort(), false);
                    synchronized (this) {
                        kafka = broker;
                    }
                    broker.start();
                    kafkaBootstrapServers = broker.bootstrapServers();
                    out.println("Kafka: ready on " + kafkaBootstrapServers);
                });
    }

    private void launch(Service service) {
        ServiceProcess process = new ServiceProcess(service, options.port(service), command(service),
                logFile(options, service));
        services.put(service.module(), process);
        process.start();
    }

    private List<String> command(Service service) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // Six JVMs share two cores: a small heap, the serial collector and C1 only get each
                // one ready sooner than the defaults, at a throughput that local use never misses.
                "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Dquarkus.profile=local",
                // Loopback only: the gateway's local profile hands out tokens for every role.
                "-Dquarkus.http.host=127.0.0.1",
                "-Dquarkus.http.port=" + options.port(service),
                "-Dquarkus.datasource.jdbc.url=" + jdbcUrl(service.database()),
                "-Dquarkus.datasource.username=" + databaseUser(),
                "-Dquarkus.datasource.password=" + databasePassword(),
                "-Dkafka.bootstrap.servers=" + kafkaBootstrapServers,
                "-Dmp.jwt.verify.publickey.location=" + keys.publicKey(),
                "-Dmp.jwt.verify.issuer=" + JwtKeys.ISSUER));
        if (service.isGateway()) {
            command.add("-Dsmallrye.jwt.sign.key.location=" + keys.privateKey());
            command.add("-Dsmallrye.jwt.new-token.issuer=" + JwtKeys.ISSUER);
            for (Service routed : Service.ALL) {
                if (!routed.isGateway()) {
                    command.add("-Dcpa.gateway.proxy.services." + routed.route() + "=" + serviceUrl(routed.module()));
                }
            }
        } else {
            // the services' clocks may be moved (admin, /local/clock) to play a year on a suite started today
            command.add("-Dcpa.clock.settable=true");
        }
        command.add("-jar");
        command.add(quarkusRunJar(options.repoDir(), service).toString());
        return command;
    }

    private String databaseUser() {
        return options.externalDatabase().map(Options.ExternalDatabase::user).orElse(PostgresServer.USER);
    }

    private String databasePassword() {
        return options.externalDatabase().map(Options.ExternalDatabase::password).orElse(PostgresServer.PASSWORD);
    }

    /** Polls each service's readiness, reporting progress; fails fast when one exits. */
    private void awaitReady(Iterable<ServiceProcess> starting) {
        Instant start = Instant.now();
        Instant deadline = start.plus(options.readyTimeout());
        Instant nextReport = start.plusSeconds(10);
        Set<ServiceProcess> pending = new LinkedHashSet<>();
        starting.forEach(pending::add);
        while (!pending.isEmpty()) {
            for (ServiceProcess service : List.copyOf(pending)) {
                if (!service.isAlive()) {
                    throw new IllegalStateException(service.service().module() + " exited with code "
                            + service.exitValue() + "; the end of " + service.logFile() + ":\n" + tail(service.logFile()));
                }
                if (Health.ready(service.url())) {
                    pending.remove(service);
                    out.printf("%-26s ready after %.1f s%n", service.service().module(), seconds(start));
                }
            }
            if (pending.isEmpty()) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("Not ready after " + options.readyTimeout().toSeconds() + " s: "
                        + pending.stream().map(s -> s.service().module() + " (" + s.logFile() + "):\n" + tail(s.logFile()))
                                .collect(Collectors.joining("\n")));
            }
            if (Instant.now().isAfter(nextReport)) {
                out.printf("still starting after %.0f s: %s%n", seconds(start),
                        pending.stream().map(s -> s.service().module()).collect(Collectors.joining(", ")));
                nextReport = nextReport.plusSeconds(10);
            }
            sleep(Duration.ofMillis(250));
        }
    }

    private synchronized void writeStackFile() {
        StackFile file = new StackFile();
        file.process("launcher", ProcessHandle.current().pid(), LocalStack.class.getName());
        file.set("data.dir", options.dataDir().toString());
        if (postgres != null) {
            postmasterPid().ifPresent(pid -> file.process("postgres", pid, options.dataDir().resolve("pg").toString()));
        }
        file.set("postgres.url", jdbcUrl(""));
        if (kafka != null) {
            kafka.running().ifPresent(p -> file.process("kafka", p.pid(), kafka.dataDir().toString()));
        }
        file.set("kafka.bootstrap", kafkaBootstrapServers);
        for (ServiceProcess service : services.values()) {
            service.pid().ifPresent(pid -> file.process(service.service().module(), pid,
                    quarkusRunJar(options.repoDir(), service.service()).toString()));
            file.set(service.service().module() + ".url", service.url());
        }
        file.write(options.dataDir());
    }

    /** PostgreSQL writes its own pid on the first line of postmaster.pid. */
    private Optional<Long> postmasterPid() {
        try {
            List<String> lines = Files.readAllLines(options.dataDir().resolve("pg/postmaster.pid"));
            return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Lists the stack's addresses, for a person at a terminal. */
    void printSummary(Duration startedIn) {
        out.printf("%nCPA local stack ready in %.1f s%n%n", startedIn.toMillis() / 1000.0);
        for (ServiceProcess service : services.values()) {
            out.printf("  %-26s %s%n", service.service().module(), service.url());
        }
        out.printf("  %-26s %s%n", "OpenAPI (whole suite)", documentUrl("/openapi"));
        out.printf("  %-26s %s%n", "Swagger UI", documentUrl("/swagger"));
        out.printf("  %-26s %s  (user %s)%n", "PostgreSQL", jdbcUrl("<database>"), databaseUser());
        out.printf("  %-26s %s%n", "Kafka", kafkaBootstrapServers);
        out.printf("  %-26s %s%n", "Logs", options.logDir());
        out.printf("%nA token:  ./cpa token holder <holder uuid>   (or employer <client> --siret <siret>, advisor, admin …)%n");
        out.printf("Then:     curl -H \"Authorization: Bearer $TOKEN\" %s/api/v1/...%n", gatewayUrl());
        out.printf("Stop:     Ctrl-C here, or ./cpa down from another shell%n%n");
    }

    private String documentUrl(String path) {
        String url = gatewayUrl() + path;
        return Health.status(url) == 404 ? url + "  (not served yet)" : url;
    }

    /** Reports services that exit while the stack runs, until the JVM is stopped. */
    void watch() {
        Set<String> reported = new LinkedHashSet<>();
        while (!closed) {
            for (ServiceProcess service : services.values()) {
                if (!service.isAlive() && reported.add(service.service().module())) {
                    out.printf("%s exited with code %d; see %s%n", service.service().module(), service.exitValue(),
                            service.logFile());
                    writeStackFile();
                }
            }
            sleep(Duration.ofSeconds(2));
        }
    }

    static String tail(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log at " + file + ")";
        }
    }

    private static double seconds(Instant since) {
        return Duration.between(since, Instant.now()).toMillis() / 1000.0;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    /**
     * {@code up} runs the stack in the foreground until Ctrl-C or SIGTERM; {@code down},
     * {@code status} and {@code token} act on the stack that {@code up} runs, from another shell.
     */
    public static void main(String[] args) {
        // zonky logs through slf4j-simple; its INFO lines are noise at a terminal.
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        String command = args.length == 0 ? "help" : args[0];
        List<String> rest = List.of(args).subList(Math.min(1, args.length), args.length);
        Path repo = Options.findRepo();
        Options options = Options.fromEnvironment(repo);
        int exitCode;
        try {
            exitCode = switch (command) {
                case "up" -> up(options);
                case "down" -> StackCommands.down(options.dataDir(), System.out);
                case "status" -> StackCommands.status(options.dataDir(), System.out);
                case "token" -> StackCommands.token(options.dataDir(), rest, System.out);
                default -> {
                    System.err.println("Usage: LocalStack up | down | status | token ROLE [SUBJECT] [--siret S] [--rna R] [--acr A]");
                    yield 2;
                }
            };
        } catch (RuntimeException e) {
            System.err.println("local-stack: " + e.getMessage());
            exitCode = 1;
        }
        System.exit(exitCode);
    }

    private static int up(Options options) {
        if (StackCommands.isRunning(options.dataDir())) {
            System.err.println("A local stack already runs from " + options.dataDir() + ": './cpa status', or './cpa down' first.");
            return 1;
        }
        StackCommands.stopLeftovers(options.dataDir(), System.out);
        Instant start = Instant.now();
        LocalStack stack = start(options);
        stack.printSummary(Duration.between(start, Instant.now()));
        stack.watch();
        return 0;
    }
}
