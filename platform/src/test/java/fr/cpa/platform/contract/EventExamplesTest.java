package fr.cpa.platform.contract;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import fr.cpa.platform.event.EventEnvelope;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** Every example under docs/events still reads into its contract record, and every event has one. */
class EventExamplesTest {

    static final Path EXAMPLES = Path.of("..", "docs", "events");
    static final ObjectMapper STRICT = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    static List<Path> examples() throws IOException {
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
    }

    @TestFactory
    Stream<DynamicTest> eachExampleReadsIntoItsRecord() throws IOException {
        return examples().stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            EventEnvelope envelope = STRICT.readValue(file.toFile(), EventEnvelope.class);
            assertNotNull(envelope.id(), "id");
            assertEquals(file.getFileName().toString(), envelope.type() + ".json", "file named after its type");
            EventCatalogue.Entry entry = EventCatalogue.BY_TYPE.get(envelope.type());
            assertNotNull(entry, envelope.type() + " is in EventCatalogue");
            Object data = STRICT.treeToValue(envelope.data(), entry.data());
            // what the record writes back is what the example says: no field lost or renamed
            JsonNode roundTrip = STRICT.valueToTree(data);
            // compared as re-read text: an int and a long of the same value are the same JSON
            assertEquals(STRICT.readTree(envelope.data().toString()), STRICT.readTree(roundTrip.toString()),
                    "round trip of " + envelope.type());
            assertFalse(envelope.data().toString().matches(".*\\b[12]\\d{12}\\d{2}\\b.*"), "no NIR in an event");
        }));
    }

    @Test
    void everyCatalogueTypeHasAnExample() throws IOException {
        Set<String> documented = new HashSet<>();
        for (Path file : examples()) {
            documented.add(file.getFileName().toString().replace(".json", ""));
        }
        assertEquals(EventCatalogue.BY_TYPE.keySet(), documented);
    }
}
