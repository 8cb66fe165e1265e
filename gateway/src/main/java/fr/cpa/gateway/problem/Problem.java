package fr.cpa.gateway.problem;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/**
 * An RFC 9457 problem detail answered by the gateway itself, in the same shape as the services'
 * ({@code fr.cpa.platform.problem.Problem}, which the gateway does not depend on because platform
 * brings Hibernate and Kafka): a stable {@code type}, {@code title}, {@code status}, {@code detail},
 * the {@code instance} path and, for validation, every bad field.
 */
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://cpa.local/problems/";

    /** One bad field: its JSON path in the request and what is wrong with it. */
    public record FieldError(String field, String message) {
    }

    public Problem {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public static Problem of(int status, String slug, String title, String detail) {
        return new Problem(TYPE_BASE + slug, title, status, detail, List.of());
    }

    /** 400 listing every bad field; a single one is also named in {@code detail}. */
    public static Problem invalid(List<FieldError> errors) {
        String detail = errors.size() == 1
                ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " fields are invalid";
        return new Problem(TYPE_BASE + "validation", "Invalid request", 400, detail, errors);
    }

    public static Problem notFound(String path) {
        return of(404, "not-found", "Not found", "no resource at " + path);
    }

    /**
     * Writes this problem as the response, unless one has already started: then the only honest
     * signal left to the client is a broken connection.
     */
    public void send(RoutingContext ctx) {
        if (ctx.response().headWritten()) {
            ctx.response().reset();
            return;
        }
        ctx.response()
                .setStatusCode(status)
                .putHeader("Content-Type", MEDIA_TYPE)
                .end(toJson(ctx.normalizedPath()).encode());
    }

    JsonObject toJson(String instance) {
        JsonObject json = new JsonObject()
                .put("type", type)
                .put("title", title)
                .put("status", status)
                .put("detail", detail)
                .put("instance", instance);
        if (!errors.isEmpty()) {
            JsonArray list = new JsonArray();
            errors.forEach(e -> list.add(new JsonObject().put("field", e.field()).put("message", e.message())));
            json.put("errors", list);
        }
        return json;
    }
}
