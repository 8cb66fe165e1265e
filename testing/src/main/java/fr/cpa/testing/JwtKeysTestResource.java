package fr.cpa.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Only the JWT key pair and issuer, for tests that need no database nor Kafka (the gateway's). */
public class JwtKeysTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return TestServers.jwt();
    }

    @Override
    public void stop() {
        // Nothing: the key files are shared by the JVM and deleted when it exits.
    }
}
