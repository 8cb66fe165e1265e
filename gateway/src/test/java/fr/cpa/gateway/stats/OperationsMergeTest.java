package fr.cpa.gateway.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class OperationsMergeTest {

    private static final Instant NOW = Instant.parse("2026-03-05T08:00:00Z");

    @Test
    void eachServiceIsListedOnceInNameOrderWithItsOwnFiguresAndStatusUp() {
        JsonObject account = new JsonObject().put("service", "account-service").put("outboxBacklog", 2)
                .put("deadLetters", new JsonArray().add(new JsonObject().put("topic", "cpa.holder.v1.dlq").put("records", 4)));
        JsonObject catalogue = new JsonObject().put("service", "catalogue-service").put("outboxBacklog", 0);

        JsonObject merged = OperationsMerge.merge(List.of(
                ServiceOperations.up("catalogue", catalogue), ServiceOperations.up("account", account)), NOW);

        assertEquals("2026-03-05T08:00:00Z", merged.getString("asOf"));
        JsonArray services = merged.getJsonArray("services");
        assertEquals(2, services.size());
        JsonObject first = services.getJsonObject(0);
        assertEquals("account-service", first.getString("service"));
        assertEquals("account", first.getString("route"));
        assertEquals("UP", first.getString("status"));
        assertEquals(2, first.getInteger("outboxBacklog"));
        assertEquals(4, first.getJsonArray("deadLetters").getJsonObject(0).getInteger("records"));
        assertNull(first.getString("reason"));
        assertEquals("catalogue-service", services.getJsonObject(1).getString("service"));
    }

    @Test
    void aServiceWithoutAnswerIsUnreachableWithItsReasonAndNoFigures() {
        JsonObject merged = OperationsMerge.merge(List.of(ServiceOperations.unreachable("hardship", "no answer in time")), NOW);

        JsonObject hardship = merged.getJsonArray("services").getJsonObject(0);
        assertEquals(new JsonObject().put("service", "hardship-service").put("route", "hardship")
                .put("status", "UNREACHABLE").put("reason", "no answer in time"), hardship);
    }

    @Test
    void aServiceThatDoesNotNameItselfIsNamedAfterItsRoute() {
        JsonObject merged = OperationsMerge.merge(List.of(ServiceOperations.up("account", new JsonObject().put("outboxBacklog", 0))), NOW);

        assertEquals("account-service", merged.getJsonArray("services").getJsonObject(0).getString("service"));
    }

    @Test
    void theServicesAnswerIsNotChangedInPlace() {
        JsonObject account = new JsonObject().put("service", "account-service");

        OperationsMerge.merge(List.of(ServiceOperations.up("account", account)), NOW);

        assertEquals(new JsonObject().put("service", "account-service"), account);
    }
}
