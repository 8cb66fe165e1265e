package fr.cpa.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StackFileTest {

    @Test
    void aRecordedProcessIsFoundOnlyWhileItsCommandLineMatches(@TempDir Path dataDir) {
        long self = ProcessHandle.current().pid();
        StackFile file = new StackFile();
        file.process("me", self, "java");
        file.process("reused-pid", self, "kafka.Kafka /nowhere/server.properties");
        file.set("gateway.url", "http://localhost:8080");
        file.write(dataDir);

        StackFile read = StackFile.read(dataDir).orElseThrow();
        assertEquals(self, read.process("me").orElseThrow().pid());
        assertTrue(read.process("reused-pid").isEmpty());
        assertEquals("http://localhost:8080", read.get("gateway.url").orElseThrow());
    }

    @Test
    void servicesAreNamedByModuleOrRoute() {
        assertEquals(Service.named("training-rights-service"), Service.named("training-rights"));
        assertEquals("training_rights", Service.named("training-rights").database());
    }
}
