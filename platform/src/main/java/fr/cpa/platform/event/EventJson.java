package fr.cpa.platform.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/** Reads and writes envelopes and their data with the application's ObjectMapper (ISO dates). */
@ApplicationScoped
public class EventJson {

    private final ObjectMapper mapper;

    EventJson(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * Reads an envelope from the tree rather than binding the record: the {@code data} member stays a
     * plain JSON tree whatever the mapper's configuration, and every missing attribute is named.
     */
    public EventEnvelope parse(String json) {
        JsonNode tree;
        try {
            tree = mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new MalformedEventException("not a JSON event envelope: " + e.getOriginalMessage());
        }
        if (tree == null || !tree.isObject()) {
            throw new MalformedEventException("not a JSON event envelope: not an object");
        }
        JsonNode data = tree.get("data");
        if (data == null || data.isNull()) {
            throw new MalformedEventException("envelope lacks data");
        }
        try {
            return new EventEnvelope(text(tree, "specversion", false), UUID.fromString(text(tree, "id", true)),
                    text(tree, "type", true), text(tree, "source", false),
                    tree.hasNonNull("time") ? Instant.parse(tree.get("time").asText()) : null,
                    text(tree, "subject", false), text(tree, "datacontenttype", false), data);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new MalformedEventException("envelope attribute malformed: " + e.getMessage());
        }
    }

    private static String text(JsonNode tree, String field, boolean required) {
        JsonNode value = tree.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                throw new MalformedEventException("envelope lacks " + field);
            }
            return null;
        }
        return value.asText();
    }

    public <T> T data(EventEnvelope envelope, Class<T> type) {
        try {
            return mapper.treeToValue(envelope.data(), type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new MalformedEventException(envelope.type() + " data does not fit " + type.getSimpleName()
                    + ": " + e.getMessage());
        }
    }

    public String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }

    public ObjectMapper mapper() {
        return mapper;
    }
}
