package fr.cpa.gateway.stats;

import fr.cpa.gateway.problem.Problem;
import fr.cpa.gateway.proxy.RoutedServices;
import fr.cpa.gateway.requestid.AccessLog;
import fr.cpa.gateway.requestid.RequestIdFilter;
import fr.cpa.gateway.security.EdgeAuthentication;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

/**
 * {@code GET /api/v1/stats/operations}, answered by the gateway itself (STATS.md): it asks every
 * routed service for its own {@code /api/v1/stats/operations} at the service's base URL (not through
 * the proxy), in parallel, with the caller's bearer token, and merges the answers. A service that
 * does not answer in time, cannot be reached or answers an error is listed {@code UNREACHABLE}; the
 * answer is still 200. Roles advisor and admin are checked here too (the services check again).
 */
@Singleton
class OperationsEndpoint {

    static final String PATH = "/api/v1/stats/operations";
    /** The roles of every stats endpoint (STATS.md), as in {@code fr.cpa.platform.security.Roles}. */
    static final Set<String> ROLES = Set.of("advisor", "admin");

    private static final Logger LOG = Logger.getLogger(OperationsEndpoint.class);

    private final RoutedServices services;
    private final StatsConfig config;
    private final HttpClient client;

    OperationsEndpoint(RoutedServices services, StatsConfig config, Vertx vertx) {
        this.services = services;
        this.config = config;
        this.client = vertx.createHttpClient();
    }

    void register(@Observes Router router) {
        // Before the proxy's /api/v1/* route (default orders start at 0), after the filters
        // (authentication, rate limits, request id), which Quarkus orders below zero.
        router.get(PATH).order(-1).handler(this::serve);
    }

    @PreDestroy
    void close() {
        client.close();
    }

    private void serve(RoutingContext ctx) {
        AccessLog.servedBy(ctx, "gateway");
        JsonWebToken caller = EdgeAuthentication.token(ctx).orElse(null);
        if (caller == null) {
            ctx.response().putHeader("WWW-Authenticate", "Bearer");
            Problem.of(401, "unauthorized", "Unauthorized", "a bearer token of an advisor or an admin is required").send(ctx);
            return;
        }
        if (!EdgeAuthentication.hasAnyRole(caller, ROLES)) {
            Problem.of(403, "forbidden", "Forbidden", "the operations figures are for advisors and admins").send(ctx);
            return;
        }
        String authorization = ctx.request().getHeader("Authorization");
        String requestId = RequestIdFilter.of(ctx);
        List<Future<ServiceOperations>> asks = new ArrayList<>();
        services.services().forEach((name, server) -> asks.add(ask(name, server, authorization, requestId)));
        Future.join(asks).onComplete(done -> {
            List<ServiceOperations> answers = asks.stream().map(Future::result).toList();
            ctx.response().putHeader("Content-Type", "application/json")
                    .end(OperationsMerge.merge(answers, Instant.now()).encode());
        });
    }

    /** One service's figures; never fails: no answer becomes an unreachable service with its reason. */
    private Future<ServiceOperations> ask(String name, RequestOptions server, String authorization, String requestId) {
        long timeout = config.fetchTimeout().toMillis();
        RequestOptions options = new RequestOptions(server).setMethod(HttpMethod.GET).setURI(PATH)
                .setTimeout(timeout).setConnectTimeout(timeout)
                .putHeader("Accept", "application/json")
                .putHeader("Authorization", authorization)
                .putHeader(RequestIdFilter.HEADER, requestId);
        return client.request(options)
                .compose(request -> request.send())
                .compose(response -> response.statusCode() == 200
                        ? response.body()
                        : Future.failedFuture(new NoAnswer("answered " + response.statusCode())))
                .map((Buffer body) -> ServiceOperations.up(name, new JsonObject(body)))
                .otherwise(cause -> {
                    String reason = reason(cause);
                    LOG.warnf("operations figures of %s: %s", name, reason);
                    return ServiceOperations.unreachable(name, reason);
                });
    }

    private static String reason(Throwable cause) {
        if (cause instanceof NoAnswer) {
            return cause.getMessage();
        }
        if (cause instanceof TimeoutException) {
            return "no answer in time";
        }
        if (cause instanceof DecodeException || cause instanceof ClassCastException) {
            return "not a JSON object";
        }
        return "unreachable";
    }

    /** The service answered, but not with its figures. */
    private static final class NoAnswer extends RuntimeException {
        NoAnswer(String message) {
            super(message, null, false, false);
        }
    }
}
