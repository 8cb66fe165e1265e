package fr.cpa.gateway.openapi;

import fr.cpa.gateway.client.Scopes;
import fr.cpa.gateway.proxy.RoutedServices;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * {@code GET /openapi}: the merged OpenAPI document of the suite, built on each call from every
 * routed service's {@code /q/openapi?format=json} (fetched in parallel, each within
 * {@code cpa.gateway.openapi.fetch-timeout}). A service that is down or answers badly is left out
 * and named; the document is still served.
 */
@Singleton
class OpenApiEndpoint {

    static final String PATH = "/openapi";
    static final String SERVICE_DOCUMENT = "/q/openapi?format=json";

    private static final Logger LOG = Logger.getLogger(OpenApiEndpoint.class);

    private final RoutedServices services;
    private final HttpClient client;
    private final Duration fetchTimeout;
    private final OpenApiMerger merger;
    private final JsonObject gatewayPaths;

    OpenApiEndpoint(RoutedServices services, Vertx vertx,
            @ConfigProperty(name = "cpa.gateway.openapi.fetch-timeout", defaultValue = "3s") Duration fetchTimeout) {
        this.services = services;
        this.client = vertx.createHttpClient();
        this.fetchTimeout = fetchTimeout;
        this.merger = new OpenApiMerger(services::routesTo);
        this.gatewayPaths = readGatewayPaths();
    }

    void register(@Observes Router router) {
        router.get(PATH).handler(this::serve);
    }

    @PreDestroy
    void close() {
        client.close();
    }

    private void serve(RoutingContext ctx) {
        List<Future<OpenApiMerger.ServiceDocument>> fetches = new ArrayList<>();
        services.services().forEach((name, server) -> fetches.add(fetch(name, server)));
        Future.join(fetches).onComplete(done -> {
            List<OpenApiMerger.ServiceDocument> documents = fetches.stream().map(Future::result).toList();
            JsonObject merged = merger.merge(documents, gatewayPaths, Scopes.descriptions());
            ctx.response().putHeader("Content-Type", "application/json").end(merged.encode());
        });
    }

    /** A service's document; never fails: a problem becomes a missing document with its reason. */
    private Future<OpenApiMerger.ServiceDocument> fetch(String name, RequestOptions server) {
        RequestOptions options = new RequestOptions(server).setMethod(HttpMethod.GET).setURI(SERVICE_DOCUMENT)
                .setTimeout(fetchTimeout.toMillis()).setConnectTimeout(fetchTimeout.toMillis())
                .putHeader("Accept", "application/json");
        return client.request(options)
                .compose(request -> request.send())
                .compose(response -> response.statusCode() == 200
                        ? response.body()
                        : Future.failedFuture("answered " + response.statusCode()))
                .map((Buffer body) -> OpenApiMerger.ServiceDocument.of(name, new JsonObject(body)))
                .otherwise(cause -> {
                    LOG.warnf("OpenAPI document of %s left out: %s", name, cause.getMessage());
                    return OpenApiMerger.ServiceDocument.missing(name, reason(cause));
                });
    }

    private static String reason(Throwable cause) {
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        if (message.startsWith("answered")) {
            return message;
        }
        return cause instanceof io.vertx.core.json.DecodeException ? "not JSON" : "unreachable";
    }

    private static JsonObject readGatewayPaths() {
        try (InputStream in = OpenApiEndpoint.class.getResourceAsStream("/openapi/gateway-paths.json")) {
            return new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
