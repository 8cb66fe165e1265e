package fr.cpa.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Java API that e2e tests use, on free ports so that a running './cpa up' is left alone. */
class LocalStackIT {

    @Test
    void theSuiteStartsAndOneServiceCanBeStoppedAndRestarted(@TempDir Path dataDir) {
        try (LocalStack stack = LocalStack.start(Options.isolated(Options.findRepo(), dataDir))) {
            for (Service service : Service.ALL) {
                assertTrue(Health.ready(stack.serviceUrl(service.module())), service.module());
            }
            assertTrue(stack.kafka().orElseThrow().isRunning());
            assertTrue(stack.postgres().isPresent());

            stack.stopService("hardship");
            assertEquals(0, Health.status(stack.serviceUrl("hardship") + "/q/health/ready"));
            assertTrue(Health.ready(stack.gatewayUrl()));

            stack.startService("hardship-service");
            assertTrue(Health.ready(stack.serviceUrl("hardship")));
        }
        assertFalse(Files.exists(dataDir.resolve(StackFile.FILE_NAME)));
    }
}
