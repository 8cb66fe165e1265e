import io.vertx.core.AbstractVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import io.vertx.httpproxy.HttpProxy;

/**
 * The floor of the gateway's stack, for the benchmark: Vert.x's HTTP reverse proxy alone, without
 * Quarkus, routing, authentication, rate limits or any filter, one verticle (server, client and
 * connection pool) per event loop. Run with the gateway's own jars (the same Vert.x and Netty):
 *
 *   java -cp 'gateway/target/quarkus-app/lib/main/*' bench/gateway/BareProxy.java PORT UPSTREAM_HOST UPSTREAM_PORT
 */
public class BareProxy {

    public static void main(String[] args) {
        int port = Integer.parseInt(args[0]);
        String upstreamHost = args[1];
        int upstreamPort = Integer.parseInt(args[2]);
        // The native transport (epoll) when the gateway's jars carry it, as the gateway prefers it too.
        Vertx vertx = Vertx.vertx(new VertxOptions().setPreferNativeTransport(true));
        // As many as Quarkus's default event loops: two per core.
        int instances = 2 * Runtime.getRuntime().availableProcessors();
        vertx.deployVerticle(() -> new AbstractVerticle() {
            @Override
            public void start() {
                HttpClient client = vertx.createHttpClient(new HttpClientOptions(), new PoolOptions().setHttp1MaxSize(50));
                vertx.createHttpServer()
                        .requestHandler(HttpProxy.reverseProxy(client).origin(upstreamPort, upstreamHost))
                        .listen(port);
            }
        }, new DeploymentOptions().setInstances(instances))
                .onSuccess(id -> System.out.println("bare proxy on " + port + ", native transport: " + vertx.isNativeTransportEnabled()))
                .onFailure(e -> {
                    e.printStackTrace();
                    System.exit(1);
                });
    }
}
