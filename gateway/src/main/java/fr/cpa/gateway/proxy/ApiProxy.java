package fr.cpa.gateway.proxy;

import fr.cpa.gateway.problem.Problem;
import fr.cpa.gateway.requestid.AccessLog;
import fr.cpa.gateway.requestid.RequestIdFilter;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyRequest;
import io.vertx.httpproxy.ProxyResponse;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
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
    private static final String TOO_LARGE = ApiProxy.class.getName() + ".tooLarge";

    private final RouteTable routes;
    private final ProxyConfig config;
    private final Vertx vertx;
    private final HttpClientOptions clientOptions;
    private final PoolOptions poolOptions;
    /** One client, so one connection pool, per event loop: see {@link #client()}. */
    private final Map<Thread, HttpClient> clients = new ConcurrentHashMap<>();
    private final Map<String, CircuitBreaker> breakers = new ConcurrentHashMap<>();

    ApiProxy(RouteTable routes, ProxyConfig config, Vertx vertx) {
        this.routes = routes;
        this.config = config;
        this.vertx = vertx;
        routes.upstreams().keySet().forEach(name -> breakers.put(name,
                new CircuitBreaker(config.circuitBreaker().failureThreshold(), config.circuitBreaker().coolDown())));
        this.clientOptions = new HttpClientOptions()
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                // Closes a connection on which nothing moves either way: an upstream fallen silent
                // in the middle of its answer, or a client that stopped sending its body. Twice
                // the answer timeout, so that a slow answer is always the 504 and not a closed connection.
                .setIdleTimeoutUnit(TimeUnit.MILLISECONDS)
                .setIdleTimeout((int) routes.longestTimeout().multipliedBy(2).toMillis());
        // The configured maximum is shared out between the event loops' pools.
        int eventLoops = 0;
        for (var ignored : vertx.nettyEventLoopGroup()) {
            eventLoops++;
        }
        int perEventLoop = Math.max(1, (config.maxConnectionsPerService() + eventLoops - 1) / Math.max(1, eventLoops));
        // eventLoopSize 0: a connection is opened on the event loop that asks for it.
        this.poolOptions = new PoolOptions().setHttp1MaxSize(perEventLoop).setEventLoopSize(0);
    }

    void register(@Observes Router router) {
        router.route("/api/v1/*").handler(this::forward);
    }

    /** The breaker of a service, by its name in the route table. */
    CircuitBreaker breaker(String service) {
        return breakers.get(service);
    }

    @PreDestroy
    void close() {
        clients.values().forEach(HttpClient::close);
    }

    /**
     * The client of the calling event loop. A Vert.x client shares its pooled connections between
     * event loops, and a connection's I/O stays on the loop that opened it: a request handled on loop
     * A that borrows a connection of loop B has its request handed from A to B and its answer from B
     * back to A: task hand-offs and thread wake-ups on every request.
     * With one client per loop, the client connection, the upstream connection and every callback
     * stay on one thread. The map holds one entry per event loop thread, so it stays small.
     */
    private HttpClient client() {
        return clients.computeIfAbsent(Thread.currentThread(), thread -> vertx.createHttpClient(clientOptions, poolOptions));
    }

    private void forward(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        Optional<RouteTable.Target> found = routes.targetFor(path);
        if (found.isEmpty()) {
            ctx.next(); // nobody serves it: the 404 problem route answers
            return;
        }
        RouteTable.Target target = found.get();
        Upstream upstream = target.upstream();
        AccessLog.servedBy(ctx, upstream.name());

        if (target.maxBodySize() != null && declaredLength(ctx) > target.maxBodySize()) {
            tooLarge(ctx, target);
            return;
        }
        CircuitBreaker breaker = breakers.get(upstream.name());
        if (!breaker.allow(System.nanoTime())) {
            long seconds = Math.max(1, (breaker.retryAfter(System.nanoTime()).toMillis() + 999) / 1000);
            ctx.response().putHeader("Retry-After", Long.toString(seconds));
            Problem.of(503, "circuit-open", "Service unavailable", upstream.name()
                    + " has failed repeatedly; calls are refused for a while, retry in " + seconds + " s").send(ctx);
            return;
        }

        ProxyRequest proxyRequest = ProxyRequest.reverseProxy(ctx.request());
        // The upstream gets the normalised path the route was chosen on, so that dot segments
        // cannot make it serve another resource than the one the gateway routed.
        String query = ctx.request().query();
        proxyRequest.setURI(query == null ? path : path + "?" + query);
        proxyRequest.putHeader(RequestIdFilter.HEADER, RequestIdFilter.of(ctx));

        RequestOptions options = upstream.server().setConnectTimeout(config.connectTimeout().toMillis());
        client().request(options)
                .onFailure(cause -> {
                    breaker.onFailure(System.nanoTime());
                    refuse(ctx, proxyRequest, cause, Problem.of(503, "upstream-unavailable",
                            "Service unavailable", upstream.name() + " cannot be reached; retry later"));
                })
                .onSuccess(request -> {
                    limitAndTime(ctx, target, proxyRequest, request);
                    proxyRequest.send(request)
                            .onFailure(cause -> {
                                if (ctx.response().closed()) {
                                    // The client hung up and the proxy reset the service's request:
                                    // that says nothing of the service, so it must not open its breaker
                                    // (a load balancer or a load test closing many connections at once did).
                                    breaker.onAbandoned(System.nanoTime());
                                    return;
                                }
                                if (ctx.get(TOO_LARGE) != null) {
                                    // The client's fault, not the service's. Its body is still read (and
                                    // dropped) by the stream: no release, which would resume an ended request.
                                    breaker.onSuccess();
                                    tooLarge(ctx, target);
                                    return;
                                }
                                breaker.onFailure(System.nanoTime());
                                refuse(ctx, proxyRequest, cause, cause instanceof TimeoutException
                                        ? Problem.of(504, "upstream-timeout", "Gateway timeout",
                                                upstream.name() + " did not answer within " + target.timeout().toMillis() + " ms")
                                        : Problem.of(502, "bad-gateway", "Bad gateway",
                                                upstream.name() + " closed the connection without an answer"));
                            })
                            .onSuccess(response -> {
                                breaker.onSuccess();
                                keepServiceDate(ctx, response);
                                response.send().onFailure(cause ->
                                        LOG.warnf("%s broke off its answer: %s", upstream.name(), cause.toString()));
                            });
                });
    }

    /**
     * Vert.x's proxy parses the service's {@code Date} and formats it anew on every answer, which
     * took about a tenth of the gateway's CPU time per request under load (bench/results, README):
     * the header is set aside here and put back as the service wrote it when the head is written.
     * Without one, the proxy's own (the time of the answer) stays.
     */
    private static void keepServiceDate(RoutingContext ctx, ProxyResponse response) {
        String date = response.headers().get(HttpHeaders.DATE);
        if (date != null) {
            response.headers().remove(HttpHeaders.DATE);
            ctx.addHeadersEndHandler(v -> ctx.response().headers().set(HttpHeaders.DATE, date));
        }
    }

    /** The declared {@code Content-Length}, or -1 (chunked, or none). */
    private static long declaredLength(RoutingContext ctx) {
        String length = ctx.request().getHeader("Content-Length");
        try {
            return length == null ? -1 : Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static void tooLarge(RoutingContext ctx, RouteTable.Target target) {
        if (ctx.request().version() != HttpVersion.HTTP_2) {
            // The rest of the body may be unread: the connection is closed once the answer is sent
            // (HTTP/2 has no such header; there the stream ends on its own).
            ctx.response().putHeader("Connection", "close");
        }
        Problem.of(413, "payload-too-large", "Payload too large", "the body exceeds the " + target.maxBodySize()
                + " bytes accepted on this path").send(ctx);
    }

    /**
     * Enforces the route's body limit on a streamed body, and starts the upstream's time to answer.
     * The upstream's time to answer counts from the end of the request body, so that a large upload
     * from a slow client is not cut short (its pace is bounded by the connection idle timeout).
     * An upstream that answered before the end, such as a 413, has nothing left to time.
     */
    private void limitAndTime(RoutingContext ctx, RouteTable.Target target, ProxyRequest proxyRequest, HttpClientRequest request) {
        Body body = proxyRequest.getBody();
        long timeout = target.timeout().toMillis();
        Runnable startTimeout = () -> {
            if (!request.response().isComplete()) {
                request.idleTimeout(timeout);
            }
        };
        // A chunked body has no declared length: it is counted as it streams, and the upstream request
        // is reset once it goes over the route's limit (the send then fails, and the client gets a 413).
        Runnable overLimit = () -> {
            ctx.put(TOO_LARGE, true);
            request.reset();
        };
        long max = target.maxBodySize() == null ? Long.MAX_VALUE : target.maxBodySize();
        proxyRequest.setBody(Body.body(new EndNotifyingStream(body.stream(), startTimeout, max, overLimit), body.length()));
    }

    private static void refuse(RoutingContext ctx, ProxyRequest proxyRequest, Throwable cause, Problem problem) {
        // A timeout's message quotes the query string, which may carry personal data: not logged.
        LOG.warnf("%s (%s)", problem.detail(), cause instanceof TimeoutException ? "timeout" : cause.toString());
        // Reads off whatever the client is still sending, so the answer can reach it.
        proxyRequest.release();
        problem.send(ctx);
    }
}
