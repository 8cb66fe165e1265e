package fr.cpa.gateway.client;

/**
 * An error response of the token endpoint (RFC 6749 §5.2): {@code invalid_client} is 401, the others 400.
 */
record OAuthError(String error, String description) {

    static OAuthError invalidRequest(String description) {
        return new OAuthError("invalid_request", description);
    }

    static OAuthError invalidClient() {
        return new OAuthError("invalid_client", "client authentication failed");
    }

    static OAuthError unsupportedGrantType(String grantType) {
        return new OAuthError("unsupported_grant_type", "grant_type '" + grantType + "' is not supported; use client_credentials");
    }

    static OAuthError invalidScope(String description) {
        return new OAuthError("invalid_scope", description);
    }

    int status() {
        return error.equals("invalid_client") ? 401 : 400;
    }
}
