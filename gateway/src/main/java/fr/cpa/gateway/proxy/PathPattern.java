package fr.cpa.gateway.proxy;

import java.util.Arrays;
import java.util.List;

/**
 * A path pattern of the route table. Segments are literals, {@code {name}} for any one non-empty
 * segment, and a last {@code **} for the path itself and anything below it:
 * {@code /api/v1/holders/{id}/cpf/**} matches {@code /api/v1/holders/42/cpf} and
 * {@code /api/v1/holders/42/cpf/entries}, not {@code /api/v1/holders/42/c2p}.
 *
 * <p>One trailing slash is ignored, in the path and in the pattern: {@code /auth/token/} matches
 * {@code /auth/token}. Vert.x Web routes it to the same handler, and the proxy passes it on to a
 * service that may well serve it as the path without the slash; the rate-limit rules and step-up
 * routes use these patterns too, so a trailing slash must not take a request out of them.
 */
public record PathPattern(String pattern, List<String> segments, boolean anythingBelow) {

    private static final String ANYTHING_BELOW = "**";

    public static PathPattern parse(String pattern) {
        if (!pattern.startsWith("/")) {
            throw new IllegalArgumentException("path pattern '" + pattern + "' must start with /");
        }
        String path = pattern.length() > 1 && pattern.endsWith("/") ? pattern.substring(0, pattern.length() - 1) : pattern;
        List<String> segments = Arrays.asList(path.substring(1).split("/", -1));
        boolean anythingBelow = segments.get(segments.size() - 1).equals(ANYTHING_BELOW);
        if (anythingBelow) {
            segments = segments.subList(0, segments.size() - 1);
        }
        if (segments.contains(ANYTHING_BELOW)) {
            throw new IllegalArgumentException("path pattern '" + pattern + "' may have ** only as its last segment");
        }
        return new PathPattern(pattern, List.copyOf(segments), anythingBelow);
    }

    /**
     * Whether {@code path} matches. Runs on every request, several times (route, rate-limit rule,
     * metrics label): it walks the path in place instead of splitting it, so that it allocates nothing.
     */
    public boolean matches(String path) {
        int length = path.length();
        if (length > 1 && path.charAt(length - 1) == '/') {
            length--; // the path as if it had no trailing slash; "/" stays itself
        }
        int start = 1; // first character of the current segment, after its '/'
        for (String segment : segments) {
            if (start > length) {
                return false; // the path has fewer segments
            }
            int end = path.indexOf('/', start);
            if (end < 0) {
                end = length;
            }
            boolean variable = segment.startsWith("{") && segment.endsWith("}");
            if (variable ? end == start
                    : end - start != segment.length() || !path.regionMatches(start, segment, 0, segment.length())) {
                return false;
            }
            start = end + 1;
        }
        // start == length + 1: the path had exactly these segments; otherwise more follow.
        return anythingBelow || start == length + 1;
    }

    @Override
    public String toString() {
        return pattern;
    }
}
