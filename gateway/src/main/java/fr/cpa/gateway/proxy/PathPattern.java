package fr.cpa.gateway.proxy;

import java.util.Arrays;
import java.util.List;

/**
 * A path pattern of the route table. Segments are literals, {@code {name}} for any one non-empty
 * segment, and a last {@code **} for the path itself and anything below it:
 * {@code /api/v1/holders/{id}/cpf/**} matches {@code /api/v1/holders/42/cpf} and
 * {@code /api/v1/holders/42/cpf/entries}, not {@code /api/v1/holders/42/c2p}.
 */
public record PathPattern(String pattern, List<String> segments, boolean anythingBelow) {

    private static final String ANYTHING_BELOW = "**";

    public static PathPattern parse(String pattern) {
        if (!pattern.startsWith("/")) {
            throw new IllegalArgumentException("path pattern '" + pattern + "' must start with /");
        }
        List<String> segments = Arrays.asList(pattern.substring(1).split("/", -1));
        boolean anythingBelow = segments.get(segments.size() - 1).equals(ANYTHING_BELOW);
        if (anythingBelow) {
            segments = segments.subList(0, segments.size() - 1);
        }
        if (segments.contains(ANYTHING_BELOW)) {
            throw new IllegalArgumentException("path pattern '" + pattern + "' may have ** only as its last segment");
        }
        return new PathPattern(pattern, List.copyOf(segments), anythingBelow);
    }

    public boolean matches(String path) {
        String[] parts = path.substring(1).split("/", -1);
        if (anythingBelow ? parts.length < segments.size() : parts.length != segments.size()) {
            return false;
        }
        for (int i = 0; i < segments.size(); i++) {
            String segment = segments.get(i);
            boolean variable = segment.startsWith("{") && segment.endsWith("}");
            if (variable ? parts[i].isEmpty() : !segment.equals(parts[i])) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return pattern;
    }
}
