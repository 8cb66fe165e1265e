package fr.cpa.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** The shared test servers, started as a service's {@code @QuarkusTest} would start them. */
class TestServersTest {

    private final Map<String, String> config = new CpaTestResources().start();

    @Test
    void postgresAnswersOnTheAdvertisedUrl() throws Exception {
        try (Connection connection = DriverManager.getConnection(config.get("quarkus.datasource.jdbc.url"),
                config.get("quarkus.datasource.username"), config.get("quarkus.datasource.password"));
                ResultSet result = connection.createStatement().executeQuery("select 1")) {
            assertTrue(result.next());
            assertEquals(1, result.getInt(1));
        }
    }

    @Test
    void aRecordSentBeforeTheBrokerRestartsIsReadAfterwards() {
        String topic = "cpa.restart-" + UUID.randomUUID();
        String port = config.get("kafka.bootstrap.servers");
        TestKafka.send(topic, "holder-1", "before");
        assertEquals(List.of("before"), values(TestKafka.records(topic, Duration.ofSeconds(20), r -> true)));

        TestKafka.stop();
        assertFalse(KafkaServer.existing(java.nio.file.Path.of(System.getProperty(TestServers.KAFKA_DIR))).isRunning());
        TestKafka.start();

        assertEquals(port, TestKafka.bootstrapServers());
        TestKafka.send(topic, "holder-1", "after");
        assertEquals(List.of("before", "after"),
                values(TestKafka.records(topic, Duration.ofSeconds(20), r -> r.value().equals("after"))));
    }

    @Test
    void tokensCarryTheConventionalClaims() {
        System.setProperty("smallrye.jwt.sign.key.location", config.get("smallrye.jwt.sign.key.location"));
        String token = TestTokens.token("employer", "payroll-1").siret("73282932000074").acr("substantial").sign();

        String claims = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        assertTrue(claims.contains("\"iss\":\"https://cpa.local\""), claims);
        assertTrue(claims.contains("\"sub\":\"payroll-1\""), claims);
        assertTrue(claims.contains("\"groups\":[\"employer\"]"), claims);
        assertTrue(claims.contains("\"siret\":\"73282932000074\""), claims);
        assertTrue(claims.contains("\"acr\":\"substantial\""), claims);
    }

    private static List<String> values(List<ConsumerRecord<String, String>> records) {
        return records.stream().map(ConsumerRecord::value).toList();
    }
}
