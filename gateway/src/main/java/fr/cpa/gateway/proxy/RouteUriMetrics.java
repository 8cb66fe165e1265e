package fr.cpa.gateway.proxy;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.config.MeterFilter;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * Labels the HTTP server metrics of {@code /api/v1} with the route pattern rather than the path:
 * paths carry holder ids, and one time series per holder would exhaust the gateway's memory and
 * Prometheus's. A path no route serves is labelled {@value #UNROUTED}.
 */
class RouteUriMetrics {

    static final String UNROUTED = "/api/v1/**";

    @Produces
    @Singleton
    MeterFilter routePatternAsUri(RouteTable routes) {
        return new MeterFilter() {
            @Override
            public Meter.Id map(Meter.Id id) {
                String uri = id.getTag("uri");
                if (!id.getName().startsWith("http.server") || uri == null || !uri.startsWith("/api/v1/")) {
                    return id;
                }
                return id.withTag(Tag.of("uri", routes.patternFor(uri).orElse(UNROUTED)));
            }
        };
    }
}
