package fr.cpa.gateway.upstream;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;

/**
 * Puts an {@link EchoUpstream} in place of account-service and catalogue-service, and a port where
 * nothing listens in place of training-rights-service, of hardship-service (the circuit breaker's)
 * and of civic-engagement-service.
 */
public class UpstreamTestResource implements QuarkusTestResourceLifecycleManager {

    private EchoUpstream upstream;

    @Override
    public Map<String, String> start() {
        try {
            upstream = EchoUpstream.start();
            return Map.of(
                    "cpa.gateway.proxy.services.account", upstream.baseUrl(),
                    "cpa.gateway.proxy.services.catalogue", upstream.baseUrl(),
                    "cpa.gateway.proxy.services.training-rights", "http://127.0.0.1:" + closedPort(),
                    "cpa.gateway.proxy.services.hardship", "http://127.0.0.1:" + closedPort(),
                    "cpa.gateway.proxy.services.civic-engagement", "http://127.0.0.1:" + closedPort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        if (upstream != null) {
            upstream.stop();
        }
    }

    /** A port that was free a moment ago and that nobody listens on. */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
