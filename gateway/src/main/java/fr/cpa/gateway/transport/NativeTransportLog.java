package fr.cpa.gateway.transport;

import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

/**
 * Says at start-up whether Vert.x runs on Netty's native transport (epoll) or fell back to Java NIO,
 * and why: the fallback is silent otherwise (Quarkus logs it at DEBUG only), and it costs the gateway
 * a good part of its throughput (bench/results/gateway-*.md).
 */
@Singleton
class NativeTransportLog {

    private static final Logger LOG = Logger.getLogger(NativeTransportLog.class);

    void report(@Observes StartupEvent start, Vertx vertx) {
        if (vertx.isNativeTransportEnabled()) {
            LOG.info("Vert.x uses the native transport (epoll)");
        } else {
            Throwable cause = vertx.unavailableNativeTransportCause();
            LOG.warnf("Vert.x uses Java NIO, not the native transport: %s",
                    cause == null ? "not preferred (quarkus.vertx.prefer-native-transport)" : cause.toString());
        }
    }
}
