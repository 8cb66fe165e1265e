package fr.cpa.gateway.upstream;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The fixed figures the stand-in services answer on their stats endpoints, in the shapes of
 * STATS.md (src/test/resources/stand-in/&lt;service&gt;/stats.json and operations.json). The tests
 * read the same files to know what the gateway and the dashboard must show.
 */
public final class StandInFigures {

    public static final String OPERATIONS_PATH = "/api/v1/stats/operations";

    /** Each stand-in service's own stats endpoint. */
    private static final Map<String, String> STATS_PATHS = Map.of(
            "account", "/api/v1/stats/accounts",
            "catalogue", "/api/v1/stats/catalogue",
            "training-rights", "/api/v1/stats/cpf");

    private StandInFigures() {
    }

    public static String statsPath(String service) {
        return STATS_PATHS.get(service);
    }

    public static JsonObject stats(String service) {
        return new JsonObject(json(service, "stats"));
    }

    public static JsonObject operations(String service) {
        return new JsonObject(json(service, "operations"));
    }

    static String json(String service, String name) {
        String resource = "/stand-in/" + service + "/" + name + ".json";
        try (InputStream in = StandInFigures.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
