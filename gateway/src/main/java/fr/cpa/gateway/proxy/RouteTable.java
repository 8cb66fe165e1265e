package fr.cpa.gateway.proxy;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The configured routes, in order: the first matching pattern wins. Built when the proxy starts,
 * so a route to an unknown service or a bad URL stops the gateway at start-up, not at the first call.
 */
@Singleton
class RouteTable {

    private record Entry(PathPattern pattern, Upstream upstream) {
    }

    private final List<Entry> entries = new ArrayList<>();

    RouteTable(ProxyConfig config) {
        Map<String, Upstream> upstreams = new HashMap<>();
        config.services().forEach((name, url) -> upstreams.put(name, Upstream.of(name, url)));
        for (ProxyConfig.Route route : config.routes()) {
            Upstream upstream = upstreams.get(route.service());
            if (upstream == null) {
                throw new IllegalArgumentException("route to unknown service '" + route.service()
                        + "': add cpa.gateway.proxy.services." + route.service());
            }
            route.paths().forEach(path -> entries.add(new Entry(PathPattern.parse(path), upstream)));
        }
    }

    Optional<Upstream> upstreamFor(String path) {
        return entryFor(path).map(Entry::upstream);
    }

    /** The pattern that routes {@code path}, e.g. {@code /api/v1/holders/{id}/cpf/**}. */
    Optional<String> patternFor(String path) {
        return entryFor(path).map(e -> e.pattern().pattern());
    }

    private Optional<Entry> entryFor(String path) {
        return entries.stream().filter(e -> e.pattern().matches(path)).findFirst();
    }
}
