package fr.cpa.gateway.security;

import fr.cpa.gateway.problem.Problem;
import fr.cpa.tokens.TwoIssuerJwtParser;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.smallrye.jwt.auth.principal.ParseException;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Verifies the bearer token of every request at the edge: a bad, forged or expired token is a 401
 * problem whatever the path, a request without one goes on (public endpoints exist; each service
 * enforces its own roles). The verified token is kept in the request for the filters and endpoints
 * after this one ({@link #token}).
 *
 * <p>A token already verified is taken from the parser's verified-token cache on the event loop. A
 * token seen for the first time is verified on a worker thread: besides the RS256 check, the key
 * resolver may download the identity provider's JWKS (production's key location is a URL), which
 * must not stall every connection of the event loop. Quarkus pauses the request meanwhile, so no
 * body chunk is lost before the proxy reads it.
 *
 * <p>Quarkus's proactive HTTP authentication did this before; it is off
 * ({@code quarkus.http.auth.proactive=false}) because its per-request machinery (Mutiny pipelines,
 * context propagation, a security identity and a permission check) cost more than the token check
 * itself once the token was cached (bench/results, gateway README). The verification is the same:
 * the {@code JWTParser} bean, the gateway's two-issuer parser with its verified-token cache.
 */
@Singleton
public class EdgeAuthentication {

    /**
     * After the request id (1000), the security headers (990), CORS (300) and the per-IP rate limit
     * (250, so that forged tokens are counted before they cost a verification); before the per-client
     * rate limit (150).
     */
    static final int PRIORITY = 200;

    private static final String TOKEN = EdgeAuthentication.class.getName() + ".token";
    private static final String BEARER = "Bearer ";

    private final TwoIssuerJwtParser parser;

    EdgeAuthentication(TwoIssuerJwtParser parser) {
        this.parser = parser;
    }

    void register(@Observes Filters filters) {
        filters.register(this::verify, PRIORITY);
    }

    /** The request's verified bearer token; empty when it came without one. */
    public static Optional<JsonWebToken> token(RoutingContext ctx) {
        return Optional.ofNullable(ctx.get(TOKEN));
    }

    /** Whether the token's {@code groups} claim, the platform's roles, holds one of these. */
    public static boolean hasAnyRole(JsonWebToken token, Collection<String> roles) {
        Set<String> groups = token.getGroups();
        return groups != null && roles.stream().anyMatch(groups::contains);
    }

    private void verify(RoutingContext ctx) {
        String authorization = ctx.request().getHeader("Authorization");
        // RFC 7235: the scheme is case-insensitive. Another scheme (Basic on /auth/token) is not ours.
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            ctx.next();
            return;
        }
        String token = authorization.substring(BEARER.length());
        JsonWebToken known = parser.alreadyVerified(token);
        if (known != null) {
            passOn(ctx, known);
            return;
        }
        ctx.vertx().executeBlocking(() -> parser.parse(token), false).onComplete(verified -> {
            if (verified.succeeded()) {
                passOn(ctx, verified.result());
            } else if (verified.cause() instanceof ParseException) {
                // RFC 6750 §3.1. The reason (expired, bad signature, unknown issuer) is not told to the caller.
                ctx.response().putHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
                Problem.of(401, "unauthorized", "Unauthorized", "the bearer token is invalid or expired").send(ctx);
            } else {
                ctx.fail(verified.cause());
            }
        });
    }

    private static void passOn(RoutingContext ctx, JsonWebToken token) {
        ctx.put(TOKEN, token);
        ctx.next();
    }
}
