package fr.cpa.testing;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Events as another service would publish them, for testing a consumer on the real broker. Each
 * follows its example under {@code docs/events/}.
 */
public final class TestEvents {

    private TestEvents() {
    }

    /** The envelope of {@code docs/events/} around {@code dataJson}, keyed by {@code holderId}. */
    public static String envelope(UUID eventId, String type, String source, UUID holderId, String dataJson) {
        return """
                {"specversion":"1.0","id":"%s","type":"%s","source":"%s","time":"2026-01-05T10:00:00Z",\
                "subject":"%s","datacontenttype":"application/json","data":%s}""".formatted(
                eventId, type, source, holderId, dataJson);
    }

    /** {@code HolderRegistered} from account-service. */
    public static String holderRegistered(UUID eventId, UUID holderId, LocalDate birthDate) {
        return envelope(eventId, "HolderRegistered", "account-service", holderId, """
                {"holderId":"%s","birthDate":"%s","statuses":[],"lowQualifiedFrom":null,"disabledWorkerFrom":null}"""
                .formatted(holderId, birthDate));
    }
}
