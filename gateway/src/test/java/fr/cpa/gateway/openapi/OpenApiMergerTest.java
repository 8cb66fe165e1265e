package fr.cpa.gateway.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OpenApiMergerTest {

    private final OpenApiMerger merger = new OpenApiMerger((path, service) ->
            path.startsWith("/api/v1/" + service.charAt(0)));

    @Test
    void aComponentTwoServicesDefineDifferentlyIsRenamedInTheSecondWithItsRefs() {
        JsonObject merged = merger.merge(List.of(
                OpenApiMerger.ServiceDocument.of("alpha", document("/api/v1/a/x", "string")),
                OpenApiMerger.ServiceDocument.of("beta", document("/api/v1/b/y", "integer"))),
                new JsonObject(), Map.of());

        JsonObject schemas = merged.getJsonObject("components").getJsonObject("schemas");
        assertEquals("string", schemas.getJsonObject("Amount").getString("type"));
        assertEquals("integer", schemas.getJsonObject("beta_Amount").getString("type"));
        assertEquals("#/components/schemas/beta_Amount", merged.getJsonObject("paths").getJsonObject("/api/v1/b/y")
                .getJsonObject("get").getJsonObject("responses").getJsonObject("200").getJsonObject("content")
                .getJsonObject("application/json").getJsonObject("schema").getString("$ref"));
    }

    @Test
    void anIdenticalComponentIsKeptOnce() {
        JsonObject merged = merger.merge(List.of(
                OpenApiMerger.ServiceDocument.of("alpha", document("/api/v1/a/x", "string")),
                OpenApiMerger.ServiceDocument.of("beta", document("/api/v1/b/y", "string"))),
                new JsonObject(), Map.of());

        assertEquals(List.of("Amount"), List.copyOf(merged.getJsonObject("components").getJsonObject("schemas").fieldNames()));
    }

    @Test
    void aPathTheGatewaySendsElsewhereIsLeftOut() {
        JsonObject merged = merger.merge(List.of(
                OpenApiMerger.ServiceDocument.of("alpha", document("/api/v1/b/stolen", "string"))),
                new JsonObject(), Map.of());

        assertFalse(merged.getJsonObject("paths").containsKey("/api/v1/b/stolen"));
    }

    @Test
    void aMissingServiceIsNamedAndTheRestIsStillMerged() {
        JsonObject merged = merger.merge(List.of(
                OpenApiMerger.ServiceDocument.missing("beta", "unreachable"),
                OpenApiMerger.ServiceDocument.of("alpha", document("/api/v1/a/x", "string"))),
                new JsonObject(), Map.of());

        assertEquals(new JsonArray().add("beta"), merged.getJsonArray("x-cpa-missing-services"));
        assertTrue(merged.getJsonObject("info").getString("description").contains("beta (unreachable)"));
        assertTrue(merged.getJsonObject("paths").containsKey("/api/v1/a/x"));
    }

    private static JsonObject document(String path, String amountType) {
        return new JsonObject()
                .put("openapi", "3.1.0")
                .put("paths", new JsonObject().put(path, new JsonObject().put("get", new JsonObject()
                        .put("responses", new JsonObject().put("200", new JsonObject().put("content", new JsonObject()
                                .put("application/json", new JsonObject().put("schema",
                                        new JsonObject().put("$ref", "#/components/schemas/Amount")))))))))
                .put("components", new JsonObject().put("schemas", new JsonObject()
                        .put("Amount", new JsonObject().put("type", amountType))));
    }
}
