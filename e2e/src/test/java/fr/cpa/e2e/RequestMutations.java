package fr.cpa.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Malformed variants of one operation's request, derived from its OpenAPI description: a plausible
 * body is built from the request schema, then each field in turn is given the wrong type, a null, a
 * huge value, a bad date, a negative amount, an unknown enum value or is left out; the whole body is
 * broken JSON or sent with the wrong content type; query and path parameters get garbage.
 *
 * <p>Each variant says whether it <em>must</em> be refused (a wrong type, an impossible date, broken
 * JSON…) or only must not break the service (leaving out a field that may be optional, a long but
 * well-formed text).
 */
final class RequestMutations {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String HUGE_TEXT = "A".repeat(200_000);

    /** One request to send. {@code body} is raw text (it may be broken on purpose). */
    record Variant(String description, String contentType, String body, Map<String, String> query,
                   Map<String, String> pathOverrides, boolean mustBeRefused) {
    }

    private final JsonNode document;

    RequestMutations(JsonNode document) {
        this.document = document;
    }

    /** A plausible value for {@code schema}, so that mutating one field leaves the others valid. */
    JsonNode sample(JsonNode schema, int depth) {
        schema = resolve(schema);
        if (schema == null || depth > 6) {
            return NODES.nullNode();
        }
        if (schema.has("allOf")) {
            ObjectNode merged = NODES.objectNode();
            for (JsonNode part : schema.get("allOf")) {
                JsonNode value = sample(part, depth + 1);
                if (value instanceof ObjectNode object) {
                    merged.setAll(object);
                } else {
                    return value;
                }
            }
            return merged;
        }
        if (schema.has("oneOf") || schema.has("anyOf")) {
            return sample((schema.has("oneOf") ? schema.get("oneOf") : schema.get("anyOf")).get(0), depth + 1);
        }
        if (schema.has("example")) {
            return schema.get("example");
        }
        if (schema.has("enum")) {
            return schema.get("enum").get(0);
        }
        String type = type(schema);
        String format = schema.path("format").asText("");
        return switch (type) {
            case "object" -> {
                ObjectNode object = NODES.objectNode();
                schema.path("properties").fields().forEachRemaining(p -> object.set(p.getKey(), sample(p.getValue(), depth + 1)));
                yield object;
            }
            case "array" -> NODES.arrayNode().add(sample(schema.path("items"), depth + 1));
            case "integer" -> NODES.numberNode(Math.max(1, schema.path("minimum").asLong(1)));
            case "number" -> NODES.numberNode(1.5);
            case "boolean" -> NODES.booleanNode(false);
            default -> switch (format) {
                case "date" -> NODES.textNode("2025-03-01");
                case "date-time" -> NODES.textNode("2025-03-01T10:00:00Z");
                case "uuid" -> NODES.textNode(UUID.randomUUID().toString());
                default -> NODES.textNode(schema.has("pattern") ? "x" : "Durand");
            };
        };
    }

    /** Every field's mutations, then the whole-body ones. */
    List<Variant> bodyVariants(JsonNode schema, Random random) {
        List<Variant> variants = new ArrayList<>();
        JsonNode base = sample(schema, 0);
        for (Leaf leaf : leaves(resolve(schema), base, "")) {
            for (Mutation m : mutationsFor(leaf, random)) {
                JsonNode copy = base.deepCopy();
                JsonNode mutated = m.remove ? remove(copy, leaf.path) : replace(copy, leaf.path, m.value);
                variants.add(new Variant(m.name + " at " + (leaf.path.isEmpty() ? "$" : leaf.path), "application/json",
                        write(mutated), Map.of(), Map.of(), m.mustBeRefused));
            }
        }
        String valid = write(base);
        variants.add(new Variant("broken JSON: truncated", "application/json", valid.substring(0, Math.max(1, valid.length() / 2)), Map.of(), Map.of(), true));
        variants.add(new Variant("broken JSON: open brace", "application/json", "{", Map.of(), Map.of(), true));
        variants.add(new Variant("broken JSON: trailing comma", "application/json", "{\"a\": 1,}", Map.of(), Map.of(), true));
        variants.add(new Variant("broken JSON: bare word", "application/json", "nul", Map.of(), Map.of(), true));
        variants.add(new Variant("broken JSON: binary", "application/json", "\u0000\u0001\u00ff\ufffe", Map.of(), Map.of(), true));
        variants.add(new Variant("empty body", "application/json", "", Map.of(), Map.of(), true));
        variants.add(new Variant("a JSON number instead of an object", "application/json", "42", Map.of(), Map.of(), base.isObject()));
        variants.add(new Variant("a JSON array instead of an object", "application/json", "[]", Map.of(), Map.of(), base.isObject()));
        variants.add(new Variant("deeply nested arrays", "application/json", "[".repeat(5_000) + "]".repeat(5_000), Map.of(), Map.of(), true));
        variants.add(new Variant("wrong content type: text/plain", "text/plain", valid, Map.of(), Map.of(), true));
        variants.add(new Variant("wrong content type: XML", "application/xml", "<employee><nir>1</nir></employee>", Map.of(), Map.of(), true));
        return variants;
    }

    /** Garbage in each query parameter in turn. */
    List<Variant> queryVariants(JsonNode parameters, String contentType, String body) {
        List<Variant> variants = new ArrayList<>();
        for (JsonNode parameter : parameters) {
            parameter = resolve(parameter);
            if (!"query".equals(parameter.path("in").asText())) {
                continue;
            }
            String name = parameter.path("name").asText();
            JsonNode schema = resolve(parameter.path("schema"));
            String type = type(schema);
            String format = schema.path("format").asText("");
            boolean typed = type.equals("integer") || type.equals("number") || format.startsWith("date") || format.equals("uuid")
                    || schema.has("enum") || type.equals("boolean");
            variants.add(new Variant("query " + name + "=not-a-value", contentType, body, Map.of(name, "not-a-value"), Map.of(), typed));
            variants.add(new Variant("query " + name + " huge", contentType, body, Map.of(name, "9".repeat(4_000)), Map.of(), typed));
            if (type.equals("integer") || type.equals("number")) {
                variants.add(new Variant("query " + name + "=-1", contentType, body, Map.of(name, "-1"), Map.of(), false));
                variants.add(new Variant("query " + name + " overflow", contentType, body, Map.of(name, "99999999999999999999999"), Map.of(), true));
            }
            if (format.startsWith("date")) {
                variants.add(new Variant("query " + name + "=2025-02-30", contentType, body, Map.of(name, "2025-02-30"), Map.of(), true));
            }
        }
        return variants;
    }

    /** Garbage in each path parameter in turn. */
    List<Variant> pathVariants(List<String> pathParameters, String contentType, String body) {
        List<Variant> variants = new ArrayList<>();
        for (String name : pathParameters) {
            variants.add(new Variant("path " + name + " not an identifier", contentType, body, Map.of(), Map.of(name, "not-an-id"), true));
            variants.add(new Variant("path " + name + " huge", contentType, body, Map.of(), Map.of(name, "7".repeat(3_000)), true));
            variants.add(new Variant("path " + name + " with quotes", contentType, body, Map.of(), Map.of(name, "%27%20or%201=1--"), true));
        }
        return variants;
    }

    private record Leaf(String path, JsonNode schema) {
    }

    private record Mutation(String name, JsonNode value, boolean remove, boolean mustBeRefused) {
    }

    private List<Mutation> mutationsFor(Leaf leaf, Random random) {
        JsonNode schema = leaf.schema;
        String type = type(schema);
        String format = schema.path("format").asText("");
        List<Mutation> list = new ArrayList<>();
        list.add(new Mutation("left out", null, true, false));
        list.add(new Mutation("null", NODES.nullNode(), false, false));
        switch (type) {
            case "integer", "number" -> {
                list.add(new Mutation("text for a number", NODES.textNode("twelve"), false, true));
                list.add(new Mutation("object for a number", NODES.objectNode().put("a", 1), false, true));
                list.add(new Mutation("negative", NODES.numberNode(-1 - random.nextInt(1000)), false, false));
                list.add(new Mutation("overflowing", NODES.numberNode(new java.math.BigInteger("99999999999999999999999")), false, true));
            }
            case "boolean" -> list.add(new Mutation("object for a boolean", NODES.objectNode(), false, true));
            case "array" -> {
                list.add(new Mutation("object for an array", NODES.objectNode().put("a", 1), false, true));
                ArrayNode huge = NODES.arrayNode();
                JsonNode item = sample(schema.path("items"), 3);
                for (int i = 0; i < 20_000; i++) {
                    huge.add(item);
                }
                list.add(new Mutation("huge array", huge, false, false));
            }
            case "object" -> list.add(new Mutation("number for an object", NODES.numberNode(7), false, true));
            default -> {
                list.add(new Mutation("array for a text", NODES.arrayNode().add(1), false, true));
                list.add(new Mutation("huge text", NODES.textNode(HUGE_TEXT), false, false));
                list.add(new Mutation("control characters", NODES.textNode("\u0000\u001b[31m\r\n"), false, false));
                if (schema.has("enum")) {
                    list.add(new Mutation("unknown enum value", NODES.textNode("NOT_A_VALUE_" + random.nextInt(100)), false, true));
                }
                if (format.equals("date") || format.equals("date-time")) {
                    list.add(new Mutation("impossible date", NODES.textNode("2025-02-30"), false, true));
                    list.add(new Mutation("not a date", NODES.textNode("yesterday"), false, true));
                }
                if (format.equals("uuid")) {
                    list.add(new Mutation("not a uuid", NODES.textNode("1234"), false, true));
                }
            }
        }
        if (leaf.path.endsWith(".amount")) {
            list.add(new Mutation("negative money", NODES.numberNode(-100), false, true));
        }
        return list;
    }

    /** The fields of {@code value} worth mutating, with their JSON paths (arrays: the first item). */
    private List<Leaf> leaves(JsonNode schema, JsonNode value, String path) {
        List<Leaf> leaves = new ArrayList<>();
        schema = resolve(schema);
        if (schema == null) {
            return leaves;
        }
        if (!path.isEmpty()) {
            leaves.add(new Leaf(path, schema));
        }
        if (value instanceof ObjectNode object) {
            JsonNode properties = propertiesOf(schema);
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                JsonNode propertySchema = properties.path(field.getKey());
                leaves.addAll(leaves(propertySchema, field.getValue(), path.isEmpty() ? field.getKey() : path + "." + field.getKey()));
            }
        } else if (value instanceof ArrayNode array && !array.isEmpty()) {
            leaves.addAll(leaves(schema.path("items"), array.get(0), path + "[0]"));
        }
        return leaves;
    }

    private JsonNode propertiesOf(JsonNode schema) {
        if (schema.has("allOf")) {
            ObjectNode merged = NODES.objectNode();
            for (JsonNode part : schema.get("allOf")) {
                merged.setAll((ObjectNode) propertiesOf(resolve(part)));
            }
            return merged;
        }
        JsonNode properties = schema.path("properties");
        return properties.isObject() ? properties : NODES.objectNode();
    }

    JsonNode resolve(JsonNode schema) {
        int hops = 0;
        while (schema != null && schema.has("$ref") && hops++ < 20) {
            String ref = schema.get("$ref").asText();
            schema = document.at(ref.substring(1));
            if (schema.isMissingNode()) {
                return null;
            }
        }
        return schema;
    }

    private static String type(JsonNode schema) {
        if (schema == null) {
            return "";
        }
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (!t.asText().equals("null")) {
                    return t.asText();
                }
            }
        }
        if (type.isTextual()) {
            return type.asText();
        }
        return schema.has("properties") ? "object" : "";
    }

    private static JsonNode replace(JsonNode root, String path, JsonNode value) {
        if (path.isEmpty()) {
            return value;
        }
        Step step = parent(root, path);
        if (step.parent instanceof ObjectNode object) {
            object.set(step.key, value);
        } else if (step.parent instanceof ArrayNode array) {
            array.set(0, value);
        }
        return root;
    }

    private static JsonNode remove(JsonNode root, String path) {
        Step step = parent(root, path);
        if (step.parent instanceof ObjectNode object) {
            object.remove(step.key);
        } else if (step.parent instanceof ArrayNode array) {
            array.removeAll();
        }
        return root;
    }

    private record Step(JsonNode parent, String key) {
    }

    /** The node holding the last step of {@code path} ("a.b[0].c"), and that step's name. */
    private static Step parent(JsonNode root, String path) {
        List<String> steps = new ArrayList<>();
        for (String part : path.split("\\.")) {
            if (part.endsWith("[0]")) {
                steps.add(part.substring(0, part.length() - 3));
                steps.add("[0]");
            } else {
                steps.add(part);
            }
        }
        JsonNode node = root;
        for (int i = 0; i < steps.size() - 1; i++) {
            node = steps.get(i).equals("[0]") ? node.get(0) : node.get(steps.get(i));
        }
        return new Step(node, steps.get(steps.size() - 1));
    }

    static String write(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
