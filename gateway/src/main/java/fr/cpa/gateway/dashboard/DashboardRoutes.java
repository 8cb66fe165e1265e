package fr.cpa.gateway.dashboard;

import fr.cpa.gateway.devtoken.DevTokenConfig;
import fr.cpa.gateway.requestid.AccessLog;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

/**
 * The dashboard's two dynamic bits; the page itself is static (META-INF/resources/dashboard/, with
 * Chart.js from its WebJar), served by Quarkus:
 * <ul>
 * <li>{@code GET /dashboard} sends the browser to {@code /dashboard/}, so that the page's relative
 * links resolve;</li>
 * <li>{@code GET /dashboard/config.json} tells the page whether demo tokens can be had here (the
 * {@code local} profile), to offer the demo advisor login; elsewhere a token is pasted.</li>
 * </ul>
 * The page and its files get a strict Content-Security-Policy: the page holds a bearer token, so
 * only its own scripts (and Chart.js from the gateway's WebJar) may run, and it talks to the gateway only.
 */
@Singleton
class DashboardRoutes {

    static final String PATH = "/dashboard";
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
            + "frame-ancestors 'none'";

    private final DevTokenConfig devTokens;

    DashboardRoutes(DevTokenConfig devTokens) {
        this.devTokens = devTokens;
    }

    void register(@Observes Router router) {
        // Before Quarkus's static files (order 0 and above), after the filters (below zero).
        router.get(PATH + "/*").order(-1).handler(ctx -> {
            ctx.response().putHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
            ctx.next();
        });
        // Vert.x matches /dashboard/ here too: only the path without its slash is redirected.
        router.get(PATH).handler(ctx -> {
            if (ctx.request().path().equals(PATH)) {
                ctx.redirect(PATH + "/");
            } else {
                ctx.next();
            }
        });
        router.get(PATH + "/config.json").handler(this::config);
    }

    private void config(RoutingContext ctx) {
        AccessLog.servedBy(ctx, "gateway");
        ctx.response().putHeader("Content-Type", "application/json")
                .putHeader("Cache-Control", "no-store")
                .end(new JsonObject().put("devTokens", devTokens.enabled()).encode());
    }
}
