package fr.cpa.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A single-node Apache Kafka broker (KRaft, broker and controller in one process) run in a child
 * JVM from the jars that the {@code kafka-broker} module copies to {@code kafka-broker/target/libs}.
 *
 * <p>A child JVM, not an embedded broker, because the broker's jars must never share a classpath
 * with the kafka-clients version that Quarkus pins (see RECIPES.md).
 *
 * <p>Everything needed to find the broker again lives in its data directory
 * ({@code server.properties} with its ports, {@code broker.pid}, {@code broker.log}), so that
 * {@link #existing(Path)} can stop and restart it from another class loader or process.
 */
public final class KafkaServer {

    /** Logged by {@code kafka.server.KafkaRaftServer} once the broker serves clients. */
    private static final String STARTED = "Kafka Server started";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final Path libs;
    private final Path dataDir;
    private final int port;
    private final int controllerPort;
    private final OnJvmExit onJvmExit;
    private boolean shutdownHookAdded;

    /** What the shutdown hook added by the first {@link #start()} does. */
    private enum OnJvmExit { NOTHING, STOP, STOP_AND_DELETE }

    private KafkaServer(Path libs, Path dataDir, int port, int controllerPort, OnJvmExit onJvmExit) {
        this.libs = libs;
        this.dataDir = dataDir.toAbsolutePath();
        this.port = port;
        this.controllerPort = controllerPort;
        this.onJvmExit = onJvmExit;
    }

    /** For tests: free ports and a temporary data directory, both gone when the JVM exits. */
    public static KafkaServer temporary() {
        try {
            Path dir = Files.createTempDirectory("cpa-kafka-");
            return new KafkaServer(locateLibs(), dir, Ports.free(), Ports.free(), OnJvmExit.STOP_AND_DELETE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * For local-stack: the given ports and a data directory kept between runs, so topics and offsets
     * survive. With {@code stopOnJvmExit} false the caller stops it, e.g. after the services.
     */
    public static KafkaServer kept(Path dataDir, int port, int controllerPort, boolean stopOnJvmExit) {
        return new KafkaServer(locateLibs(), dataDir, port, controllerPort,
                stopOnJvmExit ? OnJvmExit.STOP : OnJvmExit.NOTHING);
    }

    /**
     * The broker that an earlier {@link #start()} set up in {@code dataDir}, possibly from another
     * class loader: same ports, same data. Its first starter's shutdown hook still covers it.
     */
    public static KafkaServer existing(Path dataDir) {
        Properties config = new Properties();
        try (InputStream in = Files.newInputStream(dataDir.resolve("server.properties"))) {
            config.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("No Kafka broker was set up in " + dataDir, e);
        }
        return new KafkaServer(locateLibs(), dataDir,
                Integer.parseInt(config.getProperty("cpa.port")),
                Integer.parseInt(config.getProperty("cpa.controller.port")), OnJvmExit.NOTHING);
    }

    /**
     * The broker jars: system property {@code cpa.kafka.libs}, env {@code CPA_KAFKA_LIBS}, else
     * {@code kafka-broker/target/libs} in the current directory or one of its parents.
     */
    public static Path locateLibs() {
        String configured = System.getProperty("cpa.kafka.libs", System.getenv("CPA_KAFKA_LIBS"));
        if (configured != null) {
            return Path.of(configured).toAbsolutePath();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path libs = dir.resolve("kafka-broker/target/libs");
            if (Files.isDirectory(libs)) {
                return libs;
            }
        }
        throw new IllegalStateException("Kafka broker jars not found: build them with "
                + "'./mvnw -B -q -f kafka-broker/pom.xml package' at the repository root, "
                + "or point -Dcpa.kafka.libs / CPA_KAFKA_LIBS at a folder of Kafka broker jars");
    }

    /**
     * Starts the broker and waits until it serves clients. A broker still running from this data
     * directory (left behind by a JVM killed without its shutdown hook) is stopped first.
     */
    public synchronized KafkaServer start() {
        stop();
        try {
            Files.createDirectories(dataDir);
            writeConfig();
            if (!Files.exists(logDir().resolve("meta.properties"))) {
                format();
            }
            long logOffset = Files.exists(logFile()) ? Files.size(logFile()) : 0;
            Process broker = command("kafka.Kafka", serverProperties().toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile()))
                    .start();
            Files.writeString(pidFile(), Long.toString(broker.pid()));
            if (onJvmExit != OnJvmExit.NOTHING && !shutdownHookAdded) {
                // One hook for both steps: the JVM runs separate hooks concurrently.
                Runtime.getRuntime().addShutdownHook(new Thread(this::exit, "cpa-kafka-stop"));
                shutdownHookAdded = true;
            }
            awaitStarted(broker, logOffset);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("Kafka broker did not start in " + dataDir, e);
        }
    }

    /** SIGTERM (a clean shutdown keeps the data consistent), then a kill if it hangs. */
    public synchronized void stop() {
        running().ifPresent(broker -> {
            broker.destroy();
            try {
                broker.onExit().get(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (Exception timedOutOrInterrupted) {
                broker.destroyForcibly();
                broker.onExit().join();
            }
        });
        try {
            Files.deleteIfExists(pidFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void exit() {
        stop();
        if (onJvmExit == OnJvmExit.STOP_AND_DELETE) {
            deleteRecursively(dataDir);
        }
    }

    public boolean isRunning() {
        return running().isPresent();
    }

    /** The broker process, if the pid file names a live process started from this data directory. */
    public Optional<ProcessHandle> running() {
        try {
            if (!Files.exists(pidFile())) {
                return Optional.empty();
            }
            long pid = Long.parseLong(Files.readString(pidFile()).trim());
            // The command line check guards against a pid reused by an unrelated process.
            return ProcessHandle.of(pid)
                    .filter(ProcessHandle::isAlive)
                    .filter(p -> p.info().commandLine().map(c -> c.contains(serverProperties().toString())).orElse(false));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    public String bootstrapServers() {
        return "localhost:" + port;
    }

    public int port() {
        return port;
    }

    public int controllerPort() {
        return controllerPort;
    }

    public Path dataDir() {
        return dataDir;
    }

    public Path logFile() {
        return dataDir.resolve("broker.log");
    }

    private Path logDir() {
        return dataDir.resolve("logs");
    }

    private Path serverProperties() {
        return dataDir.resolve("server.properties");
    }

    private Path pidFile() {
        return dataDir.resolve("broker.pid");
    }

    /** Rewritten on every start, so a changed port takes effect; the data in logs/ is kept. */
    private void writeConfig() throws IOException {
        String config = String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@localhost:" + controllerPort,
                "listeners=PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort,
                "advertised.listeners=PLAINTEXT://localhost:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + logDir(),
                "auto.create.topics.enable=true",
                "num.partitions=3",
                "default.replication.factor=1",
                "offsets.topic.replication.factor=1",
                // Fewer internal partitions than the default 50: the first consumer group is ready sooner.
                "offsets.topic.num.partitions=5",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "transaction.state.log.num.partitions=5",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                // Read back by existing(); Kafka ignores unknown keys.
                "cpa.port=" + port,
                "cpa.controller.port=" + controllerPort,
                "");
        Files.writeString(serverProperties(), config);
        Files.writeString(dataDir.resolve("log4j2.properties"), String.join("\n",
                "appender.out.type=Console",
                "appender.out.name=out",
                "appender.out.layout.type=PatternLayout",
                "appender.out.layout.pattern=[%d] %p %m (%c)%n",
                "rootLogger.level=WARN",
                "rootLogger.appenderRef.out.ref=out",
                // INFO here for the line that tells a started broker.
                "logger.server.name=kafka.server.KafkaRaftServer",
                "logger.server.level=INFO",
                ""));
    }

    private void format() throws IOException {
        Process format = command("kafka.tools.StorageTool", "format", "-t", newClusterId(),
                "-c", serverProperties().toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile()))
                .start();
        try {
            if (!format.waitFor(60, TimeUnit.SECONDS) || format.exitValue() != 0) {
                format.destroyForcibly();
                throw new IllegalStateException("Formatting the Kafka log directory failed:\n" + tail(logFile()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while formatting the Kafka log directory", e);
        }
    }

    private ProcessBuilder command(String mainClass, String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // C1 only: the broker is ready in about 5 s instead of 8 on two cores, and a test or
                // local broker never runs long enough for C2's faster code to pay back.
                "-Xmx384m", "-Xms64m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Dlog4j2.configurationFile=" + dataDir.resolve("log4j2.properties"),
                // The JVM expands the wildcard itself; no shell is involved.
                "-cp", libs.resolve("*").toString(),
                mainClass));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).directory(dataDir.toFile());
    }

    private void awaitStarted(Process broker, long logOffset) throws IOException {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!broker.isAlive()) {
                throw new IllegalStateException("Kafka broker exited with " + broker.exitValue() + ":\n" + tail(logFile()));
            }
            if (logSince(logOffset).contains(STARTED) && accepts(port)) {
                return;
            }
            sleep(Duration.ofMillis(100));
        }
        stop();
        throw new IllegalStateException("Kafka broker not ready after " + START_TIMEOUT + ":\n" + tail(logFile()));
    }

    private String logSince(long offset) throws IOException {
        byte[] log = Files.readAllBytes(logFile());
        return new String(log, (int) Math.min(offset, log.length), (int) Math.max(0, log.length - offset),
                StandardCharsets.UTF_8);
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("localhost", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Kafka's cluster id format: 16 random bytes in URL-safe base64 without padding, not starting with '-'. */
    private static String newClusterId() {
        SecureRandom random = new SecureRandom();
        byte[] bytes = new byte[16];
        String id;
        do {
            random.nextBytes(bytes);
            id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        } while (id.startsWith("-"));
        return id;
    }

    static String tail(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log at " + file + ")";
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the Kafka broker", e);
        }
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // A temporary directory left behind is harmless.
        }
    }
}
