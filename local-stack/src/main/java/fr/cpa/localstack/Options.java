package fr.cpa.localstack;

import fr.cpa.testing.Ports;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a local stack runs and where.
 *
 * @param repoDir the repository root, where each service's {@code target/quarkus-app} is
 * @param dataDir where PostgreSQL, Kafka, the JWT keys, the logs and {@code stack.properties} live
 * @param postgresPort the embedded PostgreSQL's port, unused with an {@code externalDatabase}
 * @param kafkaPort the broker's client port, unused with {@code externalKafka}
 * @param kafkaControllerPort the broker's KRaft controller port
 * @param servicePorts each service's HTTP port, by module name
 * @param externalDatabase a PostgreSQL server to use instead of the embedded one
 * @param externalKafka bootstrap servers of a Kafka to use instead of the embedded one
 * @param readyTimeout how long the services may take to report ready
 */
public record Options(Path repoDir, Path dataDir, int postgresPort, int kafkaPort, int kafkaControllerPort,
        Map<String, Integer> servicePorts, Optional<ExternalDatabase> externalDatabase,
        Optional<String> externalKafka, Duration readyTimeout) {

    /** An existing PostgreSQL server: a JDBC URL to any of its databases, and a user that may create databases. */
    public record ExternalDatabase(String jdbcUrl, String user, String password) {
    }

    /**
     * Six JVMs starting at once on two cores: 36 s on a quiet machine, minutes when other builds run
     * (the catalogue loads its reference data and demo set first). Long enough not to fail a busy CI.
     */
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(300);

    /**
     * For {@code ./cpa up}: data in {@code <repo>/.cpa}, the usual ports, and the environment's
     * overrides: {@code CPA_PG_PORT}, {@code CPA_KAFKA_PORT}, {@code CPA_DB_URL} (with
     * {@code CPA_DB_USER} and {@code CPA_DB_PASSWORD}), {@code CPA_KAFKA}.
     */
    public static Options fromEnvironment(Path repoDir) {
        Map<String, String> env = System.getenv();
        int kafkaPort = Integer.parseInt(env.getOrDefault("CPA_KAFKA_PORT", "19092"));
        Map<String, Integer> servicePorts = new LinkedHashMap<>();
        Service.ALL.forEach(s -> servicePorts.put(s.module(), s.defaultPort()));
        return new Options(repoDir, repoDir.resolve(".cpa"),
                Integer.parseInt(env.getOrDefault("CPA_PG_PORT", "15432")),
                kafkaPort, kafkaPort + 1, servicePorts,
                Optional.ofNullable(env.get("CPA_DB_URL")).map(url -> new ExternalDatabase(url,
                        env.getOrDefault("CPA_DB_USER", "postgres"), env.getOrDefault("CPA_DB_PASSWORD", ""))),
                Optional.ofNullable(env.get("CPA_KAFKA")),
                READY_TIMEOUT);
    }

    /**
     * For tests: everything of its own in {@code dataDir} and on free ports, so that it never clashes
     * with a running {@code ./cpa up} nor with another test.
     */
    public static Options isolated(Path repoDir, Path dataDir) {
        Map<String, Integer> servicePorts = new LinkedHashMap<>();
        Service.ALL.forEach(s -> servicePorts.put(s.module(), Ports.free()));
        return new Options(repoDir, dataDir, Ports.free(), Ports.free(), Ports.free(), servicePorts,
                Optional.empty(), Optional.empty(), READY_TIMEOUT);
    }

    /**
     * The repository root: system property {@code cpa.repo}, else the nearest directory, from the
     * working directory up, that holds {@code local-stack/pom.xml}.
     */
    public static Path findRepo() {
        String configured = System.getProperty("cpa.repo");
        if (configured != null) {
            return Path.of(configured).toAbsolutePath();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("local-stack/pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("Not inside the CPA repository (no local-stack/pom.xml above "
                + Path.of("").toAbsolutePath() + "); set -Dcpa.repo");
    }

    int port(Service service) {
        return servicePorts.get(service.module());
    }

    public Path logDir() {
        return dataDir.resolve("logs");
    }
}
