package fr.cpa.gateway.stats;

import io.vertx.core.json.JsonObject;

/**
 * What one service said about its own plumbing ({@code GET /api/v1/stats/operations}): its answer,
 * or why there is none.
 *
 * @param name the service's name in the gateway's route table ({@code account}, {@code catalogue} …)
 * @param figures the service's answer, null when it could not be had
 * @param reason why there is no answer ("unreachable", "timeout", "answered 503" …), null when there is
 */
record ServiceOperations(String name, JsonObject figures, String reason) {

    static ServiceOperations up(String name, JsonObject figures) {
        return new ServiceOperations(name, figures, null);
    }

    static ServiceOperations unreachable(String name, String reason) {
        return new ServiceOperations(name, null, reason);
    }
}
