package fr.cpa.gateway.upstream;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Puts an {@link EchoUpstream} in place of account-service, catalogue-service and
 * training-rights-service, each also serving fixed statistics ({@link StandInFigures}), and a port
 * where nothing listens in place of hardship-service (the circuit breaker's) and of
 * civic-engagement-service (the 503 of a service down, an unreachable service on the dashboard).
 */
public class UpstreamTestResource implements QuarkusTestResourceLifecycleManager {

    private final List<EchoUpstream> upstreams = new ArrayList<>();

    @Override
    public Map<String, String> start() {
        try {
            return Map.of(
                    "cpa.gateway.proxy.services.account", standIn("account").baseUrl(),
                    "cpa.gateway.proxy.services.catalogue", standIn("catalogue").baseUrl(),
                    "cpa.gateway.proxy.services.training-rights", standIn("training-rights").baseUrl(),
                    "cpa.gateway.proxy.services.hardship", "http://127.0.0.1:" + closedPort(),
                    "cpa.gateway.proxy.services.civic-engagement", "http://127.0.0.1:" + closedPort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        upstreams.forEach(EchoUpstream::stop);
    }

    private EchoUpstream standIn(String service) throws IOException {
        EchoUpstream upstream = EchoUpstream.start(Map.of(
                StandInFigures.statsPath(service), StandInFigures.json(service, "stats"),
                StandInFigures.OPERATIONS_PATH, StandInFigures.json(service, "operations")));
        upstreams.add(upstream);
        return upstream;
    }

    /** A port that was free a moment ago and that nobody listens on. */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
