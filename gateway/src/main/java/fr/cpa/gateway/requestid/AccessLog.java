package fr.cpa.gateway.requestid;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

/**
 * One log line per request: method, path, status, the upstream that served it and the time taken.
 * Never the query string, headers or body: they may carry tokens or personal data.
 */
@Singleton
public class AccessLog {

    private static final Logger LOG = Logger.getLogger(AccessLog.class);
    private static final String UPSTREAM = AccessLog.class.getName() + ".upstream";

    void register(@Observes Filters filters) {
        // Just after the request id, so the line carries it.
        filters.register(this::log, RequestIdFilter.PRIORITY - 1);
    }

    /** Names the upstream service in this request's log line. */
    public static void servedBy(RoutingContext ctx, String service) {
        ctx.put(UPSTREAM, service);
    }

    private void log(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        // Health probes and metric scrapes would drown the useful lines.
        if (!path.startsWith("/q/")) {
            long start = System.nanoTime();
            String method = ctx.request().method().name();
            ctx.addEndHandler(done -> LOG.infof("%s %s %d %s %d ms", method, path, ctx.response().getStatusCode(),
                    ctx.get(UPSTREAM, "gateway"), (System.nanoTime() - start) / 1_000_000));
        }
        ctx.next();
    }
}
