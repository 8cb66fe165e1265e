package fr.cpa.gateway.proxy;

import jakarta.inject.Singleton;
import java.time.Duration;
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

    private record Entry(PathPattern pattern, Target target) {
    }

    /** Where a path goes and with what limits: the largest body (null: no route limit) and the time to answer. */
    record Target(Upstream upstream, Long maxBodySize, Duration timeout) {
    }

    private final List<Entry> entries = new ArrayList<>();

    private final Duration longestTimeout;

    RouteTable(ProxyConfig config) {
        Map<String, Upstream> upstreams = new HashMap<>();
        config.services().forEach((name, url) -> upstreams.put(name, Upstream.of(name, url)));
        for (ProxyConfig.Route route : config.routes()) {
            Upstream upstream = upstreams.get(route.service());
            if (upstream == null) {
                throw new IllegalArgumentException("route to unknown service '" + route.service()
                        + "': add cpa.gateway.proxy.services." + route.service());
            }
            Target target = new Target(upstream, route.maxBodySize().map(size -> size.asLongValue()).orElse(null),
                    route.timeout().orElse(config.timeout()));
            route.paths().forEach(path -> entries.add(new Entry(PathPattern.parse(path), target)));
        }
        longestTimeout = entries.stream().map(e -> e.target().timeout()).reduce(config.timeout(),
                (a, b) -> a.compareTo(b) >= 0 ? a : b);
    }

    Optional<Upstream> upstreamFor(String path) {
        return targetFor(path).map(Target::upstream);
    }

    Optional<Target> targetFor(String path) {
        return entryFor(path).map(Entry::target);
    }

    /** The longest time to answer of any route, which the connections' idle timeout must exceed. */
    Duration longestTimeout() {
        return longestTimeout;
    }

    /** The services, by name. */
    Map<String, Upstream> upstreams() {
        Map<String, Upstream> upstreams = new HashMap<>();
        entries.forEach(e -> upstreams.put(e.target().upstream().name(), e.target().upstream()));
        return upstreams;
    }

    /** The pattern that routes {@code path}, e.g. {@code /api/v1/holders/{id}/cpf/**}. */
    Optional<String> patternFor(String path) {
        return entryFor(path).map(e -> e.pattern().pattern());
    }

    private Optional<Entry> entryFor(String path) {
        for (Entry entry : entries) { // on every request: a plain loop, no stream
            if (entry.pattern().matches(path)) {
                return Optional.of(entry);
            }
        }
        return Optional.empty();
    }
}
