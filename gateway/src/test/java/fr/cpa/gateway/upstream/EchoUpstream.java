package fr.cpa.gateway.upstream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A real HTTP server standing in for a service behind the gateway. It answers every request with
 * what it received (method, raw path and query, headers, body length, SHA-256 and, when small, the
 * body itself), and can be told by headers to answer late or to hang up.
 * {@code GET /_probe/bytes-received} tells how many body bytes it has read so far in all.
 * It can also stand in for a service's figures: {@link #start(Map)} gives fixed JSON answers for
 * some paths (the stats endpoints), served to a {@code GET} with a bearer token (401 without one,
 * as the service would).
 */
public final class EchoUpstream {

    /** Milliseconds to wait before answering. */
    public static final String DELAY = "X-Echo-Delay-Ms";
    /** Present: close the connection without answering. */
    public static final String HANG_UP = "X-Echo-Hang-Up";
    public static final String PROBE_PATH = "/_probe/bytes-received";
    /** Serves {@link #OPENAPI_DOCUMENT}, as a Quarkus service serves its own. */
    public static final String OPENAPI_PATH = "/q/openapi";
    /** A small OpenAPI document: a path of account-service, one of catalogue-service, one nobody routes. */
    public static final String OPENAPI_DOCUMENT = """
            {"openapi":"3.1.0","info":{"title":"echo","version":"1"},
             "tags":[{"name":"Holders"}],
             "paths":{
               "/api/v1/holders/{id}/summary":{"get":{"summary":"A holder's summary","tags":["Holders"],
                 "security":[{"SecurityScheme":[]}],
                 "responses":{"200":{"description":"OK","content":{"application/json":{"schema":{"$ref":"#/components/schemas/Summary"}}}}}}},
               "/api/v1/trainings":{"get":{"summary":"Search trainings","responses":{"200":{"description":"OK"}}}},
               "/internal/reindex":{"post":{"summary":"Not routed by the gateway","responses":{"204":{"description":"done"}}}}},
             "components":{"schemas":{"Summary":{"type":"object","properties":{"hours":{"type":"integer"}}}},
               "securitySchemes":{"SecurityScheme":{"type":"http","scheme":"bearer"}}}}
            """;

    private static final int ECHOED_BODY_MAX = 64 * 1024;

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final AtomicLong bytesReceived = new AtomicLong();
    private final Map<String, String> fixedAnswers;

    private EchoUpstream(Map<String, String> fixedAnswers) throws IOException {
        this.fixedAnswers = Map.copyOf(fixedAnswers);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::echo);
        server.createContext(PROBE_PATH, this::probe);
        server.createContext(OPENAPI_PATH, exchange -> respond(exchange, OPENAPI_DOCUMENT));
        server.setExecutor(executor);
        server.start();
    }

    public static EchoUpstream start() throws IOException {
        return new EchoUpstream(Map.of());
    }

    /** An echo server that answers {@code GET path} with the given JSON body, for each path given. */
    public static EchoUpstream start(Map<String, String> fixedAnswers) throws IOException {
        return new EchoUpstream(fixedAnswers);
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public void stop() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void echo(HttpExchange exchange) throws IOException {
        String fixed = fixedAnswers.get(exchange.getRequestURI().getRawPath());
        if (fixed != null && exchange.getRequestMethod().equals("GET")) {
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            if (authorization == null || !authorization.startsWith("Bearer ")) {
                exchange.sendResponseHeaders(401, -1);
                exchange.close();
                return;
            }
            respond(exchange, fixed);
            return;
        }
        String hangUp = exchange.getRequestHeaders().getFirst(HANG_UP);
        if (hangUp != null) {
            exchange.close(); // before any answer: the JDK server drops the connection
            return;
        }
        String delay = exchange.getRequestHeaders().getFirst(DELAY);
        if (delay != null) {
            sleep(Long.parseLong(delay));
        }

        MessageDigest sha256 = sha256();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        long length = 0;
        try (InputStream in = exchange.getRequestBody()) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                sha256.update(buffer, 0, n);
                bytesReceived.addAndGet(n);
                if (length < ECHOED_BODY_MAX) {
                    head.write(buffer, 0, (int) Math.min(n, ECHOED_BODY_MAX - length));
                }
                length += n;
            }
        }

        JsonObject headers = new JsonObject();
        exchange.getRequestHeaders().forEach((name, values) ->
                headers.put(name.toLowerCase(Locale.ROOT), String.join(", ", values)));
        JsonObject echo = new JsonObject()
                .put("method", exchange.getRequestMethod())
                .put("path", exchange.getRequestURI().getRawPath())
                .put("query", exchange.getRequestURI().getRawQuery())
                .put("headers", headers)
                .put("bodyLength", length)
                .put("bodySha256", HexFormat.of().formatHex(sha256.digest()));
        if (length <= ECHOED_BODY_MAX) {
            echo.put("body", head.toString(StandardCharsets.UTF_8));
        }
        exchange.getResponseHeaders().set("X-Upstream", "echo");
        respond(exchange, echo.encode());
    }

    private void probe(HttpExchange exchange) throws IOException {
        respond(exchange, Long.toString(bytesReceived.get()));
    }

    private static void respond(HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
