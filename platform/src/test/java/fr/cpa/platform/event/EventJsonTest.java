package fr.cpa.platform.event;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import fr.cpa.platform.contract.HolderRegistered;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class EventJsonTest {

    final EventJson json = new EventJson(new ObjectMapper().registerModule(new JavaTimeModule()));

    @Test
    void readsTheDocumentedEnvelopeAndItsData() throws Exception {
        String example = Files.readString(Path.of("..", "docs", "events", "HolderRegistered.json"));
        EventEnvelope envelope = json.parse(example);
        assertEquals("HolderRegistered", envelope.type());
        assertEquals(Instant.parse("2026-01-05T10:15:30Z"), envelope.time());
        HolderRegistered data = json.data(envelope, HolderRegistered.class);
        assertEquals(LocalDate.of(1985, 5, 10), data.birthDate());
        assertEquals(envelope.subject(), data.holderId().toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "not json {",
            "[1, 2]",
            "{\"type\":\"HolderRegistered\",\"data\":{}}",
            "{\"id\":\"not-a-uuid\",\"type\":\"HolderRegistered\",\"data\":{}}",
            "{\"id\":\"6f1a0000-0000-4000-8000-000000000000\",\"data\":{}}",
            "{\"id\":\"6f1a0000-0000-4000-8000-000000000000\",\"type\":\"HolderRegistered\"}",
            "{\"id\":\"6f1a0000-0000-4000-8000-000000000000\",\"type\":\"X\",\"time\":\"yesterday\",\"data\":{}}"
    })
    void anythingElseIsMalformedAndNamedSo(String record) {
        assertThrows(MalformedEventException.class, () -> json.parse(record));
    }

    @Test
    void dataOfTheWrongShapeIsMalformed() {
        EventEnvelope envelope = json.parse(
                "{\"id\":\"6f1a0000-0000-4000-8000-000000000000\",\"type\":\"HolderRegistered\",\"data\":{\"birthDate\":\"soon\"}}");
        assertThrows(MalformedEventException.class, () -> json.data(envelope, HolderRegistered.class));
    }
}
