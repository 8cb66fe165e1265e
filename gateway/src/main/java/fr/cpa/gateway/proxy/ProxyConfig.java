package fr.cpa.gateway.proxy;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The reverse proxy of {@code /api/v1}: where each service is and which paths go to it. */
@ConfigMapping(prefix = "cpa.gateway.proxy")
public interface ProxyConfig {

    /** Base URL of each service by name, e.g. {@code services.account=http://localhost:8081}. */
    Map<String, URI> services();

    /** The route table, in order: the first route with a matching path wins. */
    List<Route> routes();

    /**
     * How long a service may take to start answering once it has the whole request (504 after it).
     * A connection on which nothing moves either way for twice as long is closed.
     */
    @WithDefault("30s")
    Duration timeout();

    /** How long to wait for a connection to an upstream (503 after it). */
    @WithDefault("5s")
    Duration connectTimeout();

    /** Connections the gateway keeps open to each service. */
    @WithDefault("50")
    int maxConnectionsPerService();

    /** Fails fast for a service that keeps failing. */
    CircuitBreakerConfig circuitBreaker();

    interface CircuitBreakerConfig {

        /** Consecutive failures (unreachable, too slow, hung up) that open the breaker. */
        @WithDefault("5")
        int failureThreshold();

        /** How long an open breaker answers 503 at once before letting one trial call through. */
        @WithDefault("10s")
        Duration coolDown();
    }

    interface Route {

        /** The name of the service, a key of {@link #services()}. */
        String service();

        /** Path patterns, see {@link PathPattern}: {@code /api/v1/holders/{id}/cpf/**}. */
        List<String> paths();

        /** Largest request body on these paths (413 above it); else only {@code quarkus.http.limits.max-body-size}. */
        Optional<MemorySize> maxBodySize();

        /** The service's time to answer on these paths, instead of {@link ProxyConfig#timeout()}. */
        Optional<Duration> timeout();
    }
}
