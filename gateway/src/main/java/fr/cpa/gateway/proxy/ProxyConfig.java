package fr.cpa.gateway.proxy;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

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

    interface Route {

        /** The name of the service, a key of {@link #services()}. */
        String service();

        /** Path patterns, see {@link PathPattern}: {@code /api/v1/holders/{id}/cpf/**}. */
        List<String> paths();
    }
}
