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
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

/**
 * Applies the {@link RateLimitConfig} rules to every request: over a limit, a 429 problem with
 * {@code Retry-After}. Two filters on one set of rules and buckets: the per-IP limit before the
 * bearer token is verified, so that a flood of forged tokens is refused at the cost of a bucket look-up
 * instead of an RS256 check each; the per-client limit after it, since only a verified token names
 * its client. The IP address is the connection's, or the one forwarded by a trusted proxy when
 * {@code quarkus.http.proxy.*} says so.
 */
@Singleton
class RateLimitFilter {

    /** Before authentication (200), after CORS (300) and the security headers (990), so that a browser app can read the 429. */
    static final int PER_IP_PRIORITY = 250;
    /** After authentication (200), so that the token's client is known. */
    static final int PER_CLIENT_PRIORITY = 150;

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
            filters.register(this::checkIp, PER_IP_PRIORITY);
            filters.register(this::checkClient, PER_CLIENT_PRIORITY);
        }
    }

    void sweepPeriodically(@Observes StartupEvent start, Vertx vertx) {
        vertx.setPeriodic(SWEEP_EVERY_MS, id -> limiter.sweep(System.nanoTime()));
    }

    private void checkIp(RoutingContext ctx) {
        String ip = ctx.request().remoteAddress() == null ? null : ctx.request().remoteAddress().hostAddress();
        passOrRefuse(ctx, limiter.checkIp(ctx.normalizedPath(), ip, System.nanoTime()));
    }

    private void checkClient(RoutingContext ctx) {
        passOrRefuse(ctx, limiter.checkClient(ctx.normalizedPath(), client(ctx), System.nanoTime()));
    }

    private static void passOrRefuse(RoutingContext ctx, Optional<RateLimiter.Refusal> refusal) {
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

    /**
     * The caller a verified token stands for: its issuer and subject. Not {@code azp}: an identity
     * provider puts its front-end app's client id there on every holder's token, which would put all
     * the app's holders in one bucket. The gateway's own client-credentials tokens have
     * {@code sub} = the client id. The issuer keeps two issuers' equal subjects apart (only the two
     * configured issuers verify). Null (no token, or one without {@code sub}): the per-IP limit alone applies.
     */
    private static String client(RoutingContext ctx) {
        return EdgeAuthentication.token(ctx).map(RateLimitFilter::client).orElse(null);
    }

    static String client(JsonWebToken token) {
        String subject = token.getSubject();
        return subject == null ? null : token.getIssuer() + '|' + subject;
    }

    private static RateLimiter.Limit limit(RateLimitConfig.Limit limit) {
        return new RateLimiter.Limit(limit.capacity(), limit.period());
    }
}
