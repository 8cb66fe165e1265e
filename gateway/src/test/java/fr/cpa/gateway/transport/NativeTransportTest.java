package fr.cpa.gateway.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import fr.cpa.gateway.upstream.UpstreamTestResource;
import fr.cpa.testing.JwtKeysTestResource;
import io.netty.channel.epoll.Epoll;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(JwtKeysTestResource.class)
@QuarkusTestResource(UpstreamTestResource.class)
class NativeTransportTest {

    @Inject
    Vertx vertx;

    /** Where epoll works (Linux x86-64 with the jar of pom.xml), the gateway runs on it; elsewhere it falls back to NIO and says why. */
    @Test
    void theNativeTransportIsUsedWhereverEpollIsAvailable() {
        assertEquals(Epoll.isAvailable(), vertx.isNativeTransportEnabled(),
                () -> "epoll available: " + Epoll.isAvailable() + ", cause: " + Epoll.unavailabilityCause());
        if (!vertx.isNativeTransportEnabled()) {
            assertNotNull(vertx.unavailableNativeTransportCause());
        }
    }
}
