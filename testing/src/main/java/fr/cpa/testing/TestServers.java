package fr.cpa.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The PostgreSQL server, Kafka broker and JWT keys shared by every test of one JVM.
 *
 * <p>Their whereabouts are kept in system properties, not static fields: Quarkus may load this
 * class once per class loader, and each copy must find what the other one started.
 */
final class TestServers {

    static final String JDBC_URL = "cpa.test.jdbc-url";
    static final String KAFKA_DIR = "cpa.test.kafka-dir";
    static final String KAFKA_BOOTSTRAP = "cpa.test.kafka-bootstrap";
    static final String JWT_DIR = "cpa.test.jwt-dir";
    private static final String GATEWAY_KEYS = "gateway";

    private static final String DATABASE = "cpa";

    // A string literal is one object per JVM whatever the class loader, so these lock across loaders.
    private static final Object POSTGRES_LOCK = "fr.cpa.testing.TestServers.postgres";
    private static final Object KAFKA_LOCK = "fr.cpa.testing.TestServers.kafka";
    private static final Object JWT_LOCK = "fr.cpa.testing.TestServers.jwt";

    private TestServers() {
    }

    static Map<String, String> postgres() {
        synchronized (POSTGRES_LOCK) {
            if (System.getProperty(JDBC_URL) == null) {
                PostgresServer postgres = PostgresServer.startTemporary();
                postgres.createDatabaseIfMissing(DATABASE);
                System.setProperty(JDBC_URL, postgres.jdbcUrl(DATABASE));
            }
        }
        return Map.of(
                "quarkus.datasource.jdbc.url", System.getProperty(JDBC_URL),
                "quarkus.datasource.username", PostgresServer.USER,
                "quarkus.datasource.password", PostgresServer.PASSWORD);
    }

    static Map<String, String> kafka() {
        synchronized (KAFKA_LOCK) {
            if (System.getProperty(KAFKA_DIR) == null) {
                KafkaServer kafka = KafkaServer.temporary().start();
                System.setProperty(KAFKA_DIR, kafka.dataDir().toString());
                System.setProperty(KAFKA_BOOTSTRAP, kafka.bootstrapServers());
            }
        }
        return Map.of("kafka.bootstrap.servers", System.getProperty(KAFKA_BOOTSTRAP));
    }

    static Map<String, String> jwt() {
        synchronized (JWT_LOCK) {
            if (System.getProperty(JWT_DIR) == null) {
                try {
                    Path dir = Files.createTempDirectory("cpa-jwt-");
                    Path gateway = dir.resolve(GATEWAY_KEYS);
                    JwtKeys.inDirectory(dir);
                    JwtKeys.inDirectory(gateway);
                    // Deleted in the reverse order of these calls: files, then their directories.
                    for (Path d : new Path[] {dir, gateway}) {
                        d.toFile().deleteOnExit();
                        d.resolve("privateKey.pem").toFile().deleteOnExit();
                        d.resolve("publicKey.pem").toFile().deleteOnExit();
                    }
                    System.setProperty(JWT_DIR, dir.toString());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        JwtKeys keys = JwtKeys.inDirectory(Path.of(System.getProperty(JWT_DIR)));
        return Map.of(
                "mp.jwt.verify.publickey.location", keys.publicKey().toString(),
                "mp.jwt.verify.issuer", JwtKeys.ISSUER,
                "smallrye.jwt.sign.key.location", keys.privateKey().toString(),
                "smallrye.jwt.new-token.issuer", JwtKeys.ISSUER,
                // Not used unless a test sets cpa.jwt.gateway.* to it (TwoIssuersTest).
                "cpa.test.gateway-publickey.location", gatewayKeys().publicKey().toString());
    }

    /**
     * A second key pair, standing for the gateway's own signing key in production where it differs
     * from the identity provider's: for tests of the services' two-issuer verification.
     */
    static JwtKeys gatewayKeys() {
        String dir = System.getProperty(JWT_DIR);
        if (dir == null) {
            throw new IllegalStateException("the test keys are created by CpaTestResources or JwtKeysTestResource, which has not started");
        }
        return JwtKeys.inDirectory(Path.of(dir).resolve(GATEWAY_KEYS));
    }
}
