package fr.cpa.gateway.headers;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

/**
 * Security headers on every response, the gateway's own and the services' alike (set when the head
 * is written, so they replace whatever a service sent):
 * <ul>
 * <li>{@code X-Content-Type-Options: nosniff}: a JSON answer is never run as a script;</li>
 * <li>{@code X-Frame-Options: DENY} and CSP {@code frame-ancestors 'none'}: no framing (clickjacking);</li>
 * <li>{@code Referrer-Policy: no-referrer}: paths carry holder ids;</li>
 * <li>{@code Strict-Transport-Security} when the request came over HTTPS (directly or, with
 * {@code quarkus.http.proxy.proxy-address-forwarding}, as the load balancer says);</li>
 * <li>{@code Cache-Control: no-store} on {@code /auth/**}: tokens and client secrets (RFC 6749 §5.1).</li>
 * </ul>
 */
@Singleton
class SecurityHeaders {

    static final String HSTS = "max-age=31536000; includeSubDomains";

    /** Just after the request id (1000): every answer gets them, refusals included. */
    static final int PRIORITY = 990;

    void register(@Observes Filters filters) {
        filters.register(this::add, PRIORITY);
    }

    private void add(RoutingContext ctx) {
        boolean auth = ctx.normalizedPath().startsWith("/auth/");
        boolean https = "https".equalsIgnoreCase(ctx.request().scheme());
        ctx.addHeadersEndHandler(v -> {
            MultiMap headers = ctx.response().headers();
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("X-Frame-Options", "DENY");
            if (!headers.contains("Content-Security-Policy")) {
                headers.set("Content-Security-Policy", "frame-ancestors 'none'");
            }
            headers.set("Referrer-Policy", "no-referrer");
            if (https) {
                headers.set("Strict-Transport-Security", HSTS);
            }
            if (auth) {
                headers.set("Cache-Control", "no-store");
            }
        });
        ctx.next();
    }
}
