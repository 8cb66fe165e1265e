package fr.cpa.account.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.cpa.platform.outbox.Outbox;
import fr.cpa.testing.CpaTestResources;
import fr.cpa.testing.TestKafka;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The declaration ingest writes its events with {@link Outbox#publishAll} (one COPY per batch): what it
 * stores must reach Kafka exactly as {@link Outbox#publish} would, in order, whatever characters a
 * payroll system puts in a name (COPY's text format gives meaning to backslash, tab and newline).
 */
@QuarkusTest
@QuarkusTestResource(value = CpaTestResources.class, restrictToAnnotatedClass = false)
class PublishAllTest {

    static final String TOPIC = "cpa.test-publish-all.v1";
    static final ObjectMapper MAPPER = new ObjectMapper();

    record Named(int seq, String name) {
    }

    @Inject
    Outbox outbox;

    @Test
    void eventsStoredInBulkReachKafkaIntactAndInOrder() throws Exception {
        UUID subject = UUID.randomUUID();
        List<String> names = List.of(
                "back\\slash", "quote\"d", "tab\there", "new\nline", "Zoé Lefèvre-Ørsted ñ ç à",
                "all \\ \" \t \n \r é", "\\N", "plain");
        List<Outbox.Message> messages = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            messages.add(new Outbox.Message(TOPIC, "NameTest", subject, new Named(i, names.get(i))));
        }
        List<UUID> ids = QuarkusTransaction.requiringNew().call(() -> outbox.publishAll(messages));
        assertEquals(names.size(), ids.size());

        List<ConsumerRecord<String, String>> records = TestKafka.records(TOPIC, Duration.ofSeconds(30),
                r -> subject.toString().equals(r.key()) && r.value().contains("\"seq\":" + (names.size() - 1)))
                .stream().filter(r -> subject.toString().equals(r.key())).toList();
        assertEquals(names.size(), records.size(), "each event once");
        for (int i = 0; i < names.size(); i++) {
            JsonNode envelope = MAPPER.readTree(records.get(i).value());
            assertEquals(ids.get(i).toString(), envelope.get("id").asText(), "in the order given");
            assertEquals("NameTest", envelope.get("type").asText());
            assertEquals(subject.toString(), envelope.get("subject").asText());
            assertEquals(i, envelope.get("data").get("seq").asInt());
            assertEquals(names.get(i), envelope.get("data").get("name").asText(), "the name unchanged");
        }
    }

    @Test
    void nothingIsPublishedWhenTheTransactionRollsBack() {
        UUID subject = UUID.randomUUID();
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                outbox.publishAll(List.of(new Outbox.Message(TOPIC, "NameTest", subject, new Named(0, "rolled back"))));
                throw new IllegalStateException("the change fails after its events were written");
            });
        } catch (IllegalStateException expected) {
            // the transaction rolled back
        }
        UUID marker = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() ->
                outbox.publishAll(List.of(new Outbox.Message(TOPIC, "NameTest", marker, new Named(1, "after")))));
        List<ConsumerRecord<String, String>> records = TestKafka.records(TOPIC, Duration.ofSeconds(30),
                r -> marker.toString().equals(r.key()));
        assertEquals(0, records.stream().filter(r -> subject.toString().equals(r.key())).count());
    }
}
