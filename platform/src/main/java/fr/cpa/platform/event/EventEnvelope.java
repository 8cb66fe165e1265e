package fr.cpa.platform.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.UUID;

/**
 * What travels on every topic: the CloudEvents attributes plus {@code data}, as JSON
 * (ARCHITECTURE.md "Events"). The Kafka record key is the {@code subject}, the holder id, so that
 * one holder's events stay in order.
 *
 * @param id      unique per event; consumers record it to apply each event once
 * @param type    past-tense fact, e.g. {@code HolderRegistered}
 * @param source  the producing service
 * @param subject the holder id
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EventEnvelope(
        String specversion,
        UUID id,
        String type,
        String source,
        Instant time,
        String subject,
        String datacontenttype,
        JsonNode data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String JSON = "application/json";

    public static EventEnvelope of(UUID id, String type, String source, Instant time, String subject, JsonNode data) {
        return new EventEnvelope(SPEC_VERSION, id, type, source, time, subject, JSON, data);
    }
}
