package fr.cpa.gateway.ratelimit;

import fr.cpa.gateway.problem.Problem;
import fr.cpa.gateway.proxy.PathPattern;
import fr.cpa.gateway.security.EdgeAuthentication;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Applies the {@link RateLimitConfig} rules to every request, after authentication so that the
 * client is known: over a limit, a 429 problem with {@code Retry-After}. The IP address is the
 * connection's, or the one forwarded by a trusted proxy when {@code quarkus.http.proxy.*} says so.
 */
@Singleton
class RateLimitFilter {

    /** After authentication (200), so that the token's client is known. */
    static final int PRIORITY = 150;

    private static final Logger LOG = Logger.getLogger(RateLimitFilter.class);
    private static final long SWEEP_EVERY_MS = 60_000;

    private final RateLimitConfig config;
    private final RateLimiter limiter;

    RateLimitFilter(RateLimitConfig config) {
        this.config = config;
        this.limiter = new RateLimiter(config.rules().stream().map(rule -> new RateLimiter.Rule(rule.name(),
                rule.paths().stream().map(PathPattern::parse).toList(),
                rule.perClient().map(RateLimitFilter::limit).orElse(null),
                rule.perIp().map(RateLimitFilter::limit).orElse(null))).toList());
    }

    void register(@Observes Filters filters) {
        if (config.enabled()) {
            filters.register(this::check, PRIORITY);
        }
    }

    void sweepPeriodically(@Observes StartupEvent start, Vertx vertx) {
        vertx.setPeriodic(SWEEP_EVERY_MS, id -> limiter.sweep(System.nanoTime()));
    }

    private void check(RoutingContext ctx) {
        String ip = ctx.request().remoteAddress() == null ? null : ctx.request().remoteAddress().hostAddress();
        Optional<RateLimiter.Refusal> refusal = limiter.check(ctx.normalizedPath(), client(ctx), ip, System.nanoTime());
        if (refusal.isEmpty()) {
            ctx.next();
            return;
        }
        RateLimiter.Refusal refused = refusal.get();
        // Neither the IP nor the client: an IP is personal data, the client id is in the access log's request.
        LOG.infof("rate limit %s reached per %s", refused.rule(), refused.limitedBy());
        ctx.response().putHeader("Retry-After", Long.toString(refused.retryAfterSeconds()));
        Problem.of(429, "rate-limited", "Too many requests", "the " + refused.rule() + " limit per "
                + refused.limitedBy() + " is reached; retry in " + refused.retryAfterSeconds() + " s").send(ctx);
    }

    /** The client a token was issued to: {@code azp} for machine clients, {@code sub} for people. */
    private static String client(RoutingContext ctx) {
        return EdgeAuthentication.token(ctx).map(jwt -> {
            Object azp = jwt.getClaim("azp");
            return azp != null ? azp.toString() : jwt.getSubject();
        }).orElse(null);
    }

    private static RateLimiter.Limit limit(RateLimitConfig.Limit limit) {
        return new RateLimiter.Limit(limit.capacity(), limit.period());
    }
}
