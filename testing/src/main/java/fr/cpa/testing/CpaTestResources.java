package fr.cpa.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Real PostgreSQL, a real Kafka broker and a JWT key pair for a service's {@code @QuarkusTest}s,
 * started once per test JVM and stopped when it exits.
 *
 * <pre>
 * &#64;QuarkusTest
 * &#64;QuarkusTestResource(value = CpaTestResources.class, restrictToAnnotatedClass = false)
 * </pre>
 */
public class CpaTestResources implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        // Kafka starts alongside PostgreSQL: each takes a few seconds, mostly waiting.
        CompletableFuture<Map<String, String>> kafka = CompletableFuture.supplyAsync(TestServers::kafka);
        Map<String, String> config = new HashMap<>(TestServers.jwt());
        config.putAll(TestServers.postgres());
        config.putAll(kafka.join());
        return config;
    }

    @Override
    public void stop() {
        // Nothing: Quarkus calls stop() whenever it restarts the application (e.g. for a test
        // profile), and the servers are shared by the whole JVM; their shutdown hooks stop them.
    }
}
