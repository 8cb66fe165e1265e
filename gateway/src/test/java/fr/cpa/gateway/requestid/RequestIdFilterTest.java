package fr.cpa.gateway.requestid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RequestIdFilterTest {

    @Test
    void newIdsAreDistinctRandomUuids() {
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            UUID id = UUID.fromString(RequestIdFilter.newId());
            assertEquals(4, id.version());
            assertEquals(2, id.variant()); // RFC 4122 (IETF) variant
            assertTrue(seen.add(id), "repeated id " + id);
        }
    }
}
