package fr.cpa.gateway.proxy;

import io.vertx.core.http.RequestOptions;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.TreeMap;

/** The services behind the gateway and which paths go to which, for the rest of the gateway. */
@Singleton
public class RoutedServices {

    private final RouteTable routes;

    RoutedServices(RouteTable routes) {
        this.routes = routes;
    }

    /** Every routed service by name, with where to reach it. */
    public Map<String, RequestOptions> services() {
        Map<String, RequestOptions> services = new TreeMap<>();
        routes.upstreams().forEach((name, upstream) -> services.put(name, upstream.server()));
        return services;
    }

    /** Whether the gateway sends {@code path} (an OpenAPI path template will do) to {@code service}. */
    public boolean routesTo(String path, String service) {
        return routes.upstreamFor(path).map(u -> u.name().equals(service)).orElse(false);
    }
}
