package fr.cpa.gateway.client;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A client-credentials token request (RFC 6749 §4.4.2) read from the form parameters and the
 * {@code Authorization} header: the client's id and secret, either by HTTP Basic (§2.3.1, each part
 * form-urlencoded) or as {@code client_id}/{@code client_secret} parameters, never both; and the
 * scopes asked for, if any.
 */
record TokenRequest(String clientId, String clientSecret, Optional<Set<String>> scopes, boolean basic) {

    static final String GRANT_TYPE = "client_credentials";

    /** What was read: a request, or the error to answer. */
    sealed interface Parsed permits Ok, Failed {
    }

    record Ok(TokenRequest request) implements Parsed {
    }

    record Failed(OAuthError error, boolean basic) implements Parsed {
    }

    static Parsed parse(String contentType, String authorization, Map<String, List<String>> form) {
        boolean basic = authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6);
        if (contentType == null || !contentType.toLowerCase().startsWith("application/x-www-form-urlencoded")) {
            return new Failed(OAuthError.invalidRequest("the body must be application/x-www-form-urlencoded"), basic);
        }
        for (Map.Entry<String, List<String>> parameter : form.entrySet()) {
            if (parameter.getValue().size() > 1) {
                // §3.2: request parameters must not be included more than once.
                return new Failed(OAuthError.invalidRequest(parameter.getKey() + " is repeated"), basic);
            }
        }
        String grantType = value(form, "grant_type");
        if (grantType == null) {
            return new Failed(OAuthError.invalidRequest("grant_type is missing"), basic);
        }
        if (!grantType.equals(GRANT_TYPE)) {
            return new Failed(OAuthError.unsupportedGrantType(grantType), basic);
        }
        String formId = value(form, "client_id");
        String formSecret = value(form, "client_secret");
        String id;
        String secret;
        if (basic) {
            if (formSecret != null) {
                // §2.3: a client must not use more than one authentication method in a request.
                return new Failed(OAuthError.invalidRequest("the client authenticates either by HTTP Basic or by client_secret, not both"), true);
            }
            String[] credentials = basicCredentials(authorization.substring(6).trim());
            if (credentials == null) {
                return new Failed(OAuthError.invalidClient(), true);
            }
            id = credentials[0];
            secret = credentials[1];
            if (formId != null && !formId.equals(id)) {
                return new Failed(OAuthError.invalidRequest("client_id differs from the HTTP Basic user"), true);
            }
        } else {
            if (formId == null || formSecret == null) {
                return new Failed(OAuthError.invalidClient(), false);
            }
            id = formId;
            secret = formSecret;
        }
        if (id.isEmpty() || secret.isEmpty()) {
            return new Failed(OAuthError.invalidClient(), basic);
        }
        String scope = value(form, "scope");
        Optional<Set<String>> scopes = scope == null ? Optional.empty()
                : Optional.of(new LinkedHashSet<>(List.of(scope.trim().split(" +"))));
        return new Ok(new TokenRequest(id, secret, scopes, basic));
    }

    /** §3.2: a parameter sent without a value is treated as omitted. */
    private static String value(Map<String, List<String>> form, String name) {
        List<String> values = form.get(name);
        return values == null || values.isEmpty() || values.get(0).isEmpty() ? null : values.get(0);
    }

    private static String[] basicCredentials(String encoded) {
        try {
            String decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                return null;
            }
            return new String[] {
                URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
                URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8)};
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
