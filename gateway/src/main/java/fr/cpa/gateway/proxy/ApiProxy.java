package fr.cpa.gateway.proxy;

import fr.cpa.gateway.problem.Problem;
import fr.cpa.gateway.requestid.AccessLog;
import fr.cpa.gateway.requestid.RequestIdFilter;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyRequest;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * Forwards {@code /api/v1/**} to the service that the {@link RouteTable} names, with Vert.x's HTTP
 * proxy: method, path, query, headers (less hop-by-hop ones) and body go through as streams, so a
 * large upload never sits in the gateway's memory.
 *
 * <p>It drives {@link ProxyRequest} itself rather than {@code HttpProxy.handle}, which answers
 * every failure with an empty 502: here an upstream that cannot be reached is a 503 problem and one
 * that does not answer in time a 504 problem.
 */
@Singleton
class ApiProxy {

    private static final Logger LOG = Logger.getLogger(ApiProxy.class);

    private final RouteTable routes;
    private final ProxyConfig config;
    private final HttpClient client;

    ApiProxy(RouteTable routes, ProxyConfig config, Vertx vertx) {
        this.routes = routes;
        this.config = config;
        this.client = vertx.createHttpClient(
                new HttpClientOptions()
                        .setConnectTimeout((int) config.connectTimeout().toMillis())
                        // Closes a connection on which nothing moves either way: an upstream fallen silent
                        // in the middle of its answer, or a client that stopped sending its body. Twice
                        // the answer timeout, so that a slow answer is always the 504 and not a closed connection.
                        .setIdleTimeoutUnit(TimeUnit.MILLISECONDS)
                        .setIdleTimeout((int) config.timeout().multipliedBy(2).toMillis()),
                new PoolOptions().setHttp1MaxSize(config.maxConnectionsPerService()));
    }

    void register(@Observes Router router) {
        router.route("/api/v1/*").handler(this::forward);
    }

    @PreDestroy
    void close() {
        client.close();
    }

    private void forward(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        Optional<Upstream> found = routes.upstreamFor(path);
        if (found.isEmpty()) {
            ctx.next(); // nobody serves it: the 404 problem route answers
            return;
        }
        Upstream upstream = found.get();
        AccessLog.servedBy(ctx, upstream.name());

        ProxyRequest proxyRequest = ProxyRequest.reverseProxy(ctx.request());
        // The upstream gets the normalised path the route was chosen on, so that dot segments
        // cannot make it serve another resource than the one the gateway routed.
        String query = ctx.request().query();
        proxyRequest.setURI(query == null ? path : path + "?" + query);
        proxyRequest.putHeader(RequestIdFilter.HEADER, RequestIdFilter.of(ctx));

        RequestOptions options = upstream.server().setConnectTimeout(config.connectTimeout().toMillis());
        client.request(options)
                .onFailure(cause -> refuse(ctx, proxyRequest, cause, Problem.of(503, "upstream-unavailable",
                        "Service unavailable", upstream.name() + " cannot be reached; retry later")))
                .onSuccess(request -> {
                    startTimeoutOnceSent(proxyRequest, request);
                    proxyRequest.send(request)
                            .onFailure(cause -> refuse(ctx, proxyRequest, cause, cause instanceof TimeoutException
                                    ? Problem.of(504, "upstream-timeout", "Gateway timeout",
                                            upstream.name() + " did not answer within " + config.timeout().toMillis() + " ms")
                                    : Problem.of(502, "bad-gateway", "Bad gateway",
                                            upstream.name() + " closed the connection without an answer")))
                            .onSuccess(response -> response.send().onFailure(cause ->
                                    LOG.warnf("%s broke off its answer: %s", upstream.name(), cause.toString())));
                });
    }

    /**
     * The upstream's time to answer counts from the end of the request body, so that a large upload
     * from a slow client is not cut short (its pace is bounded by the connection idle timeout).
     * An upstream that answered before the end, such as a 413, has nothing left to time.
     */
    private void startTimeoutOnceSent(ProxyRequest proxyRequest, HttpClientRequest request) {
        Body body = proxyRequest.getBody();
        long timeout = config.timeout().toMillis();
        Runnable startTimeout = () -> {
            if (!request.response().isComplete()) {
                request.idleTimeout(timeout);
            }
        };
        proxyRequest.setBody(Body.body(new EndNotifyingStream(body.stream(), startTimeout), body.length()));
    }

    private static void refuse(RoutingContext ctx, ProxyRequest proxyRequest, Throwable cause, Problem problem) {
        // A timeout's message quotes the query string, which may carry personal data: not logged.
        LOG.warnf("%s (%s)", problem.detail(), cause instanceof TimeoutException ? "timeout" : cause.toString());
        // Reads off whatever the client is still sending, so the answer can reach it.
        proxyRequest.release();
        problem.send(ctx);
    }
}
