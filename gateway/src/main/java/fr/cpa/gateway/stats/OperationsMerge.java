package fr.cpa.gateway.stats;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * Merges the services' operations figures into the one answer of the gateway's
 * {@code GET /api/v1/stats/operations} (STATS.md):
 * {@code {"asOf", "services": [{...the service's own answer..., "status": "UP|UNREACHABLE"}]}}.
 * A service that did not answer is listed, {@code UNREACHABLE} with the reason, and never fails the
 * whole answer: the operations panel is read when things go wrong. Free of Vert.x I/O, so that it
 * is tested in plain JUnit.
 */
final class OperationsMerge {

    static final String UP = "UP";
    static final String UNREACHABLE = "UNREACHABLE";

    private OperationsMerge() {
    }

    static JsonObject merge(List<ServiceOperations> answers, Instant asOf) {
        JsonArray services = new JsonArray();
        answers.stream().sorted(Comparator.comparing(ServiceOperations::name)).forEach(answer -> {
            JsonObject entry = answer.figures() == null ? new JsonObject() : answer.figures().copy();
            // The service names itself ("account-service"); one that cannot be asked is named like it.
            if (!(entry.getValue("service") instanceof String)) {
                entry.put("service", answer.name() + "-service");
            }
            // The gateway's name of the service, the key of its route table and of the dashboard's panels.
            entry.put("route", answer.name());
            if (answer.figures() == null) {
                entry.put("status", UNREACHABLE).put("reason", answer.reason());
            } else {
                entry.put("status", UP);
            }
            services.add(entry);
        });
        return new JsonObject().put("asOf", asOf.toString()).put("services", services);
    }
}
