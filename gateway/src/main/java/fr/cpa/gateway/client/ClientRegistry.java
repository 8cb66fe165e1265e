package fr.cpa.gateway.client;

import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The registered machine clients: registration, secret rotation, revocation and authentication.
 * Secrets are 256 random bits shown once; only their bcrypt hash (Quarkus's {@link BcryptUtil},
 * cost {@value #BCRYPT_COST}) is stored.
 */
@ApplicationScoped
class ClientRegistry {

    static final int BCRYPT_COST = 10;

    private static final SecureRandom RANDOM = new SecureRandom();
    /** Compared against when the client id is unknown, so that its answer takes as long as a wrong secret's. */
    private static final String DUMMY_HASH = BcryptUtil.bcryptHash("no-such-client", BCRYPT_COST);

    /** A client as registered, with the secret it was just given. */
    record Issued(String clientId, String clientSecret) {
    }

    @Transactional
    Issued register(ClientRegistration registration) {
        OAuthClient client = new OAuthClient();
        client.clientId = UUID.randomUUID().toString();
        client.name = registration.name().strip();
        client.kind = registration.kind().code();
        client.scopes = registration.scopes().stream().map(Scope::code).collect(Collectors.joining(" "));
        client.sirets = registration.sirets().isEmpty() ? null : String.join(" ", registration.sirets());
        client.rna = registration.rna();
        String secret = newSecret();
        client.secretHash = BcryptUtil.bcryptHash(secret, BCRYPT_COST);
        client.createdAt = Instant.now();
        client.secretRotatedAt = client.createdAt;
        client.persist();
        return new Issued(client.clientId, secret);
    }

    /** A new secret for a live client; the old one stops working at once. Empty if unknown or revoked. */
    @Transactional
    Optional<Issued> rotate(String clientId) {
        return live(clientId).map(client -> {
            String secret = newSecret();
            client.secretHash = BcryptUtil.bcryptHash(secret, BCRYPT_COST);
            client.secretRotatedAt = Instant.now();
            return new Issued(client.clientId, secret);
        });
    }

    /** Revokes a client for good (tokens already issued expire within their short lifespan). */
    @Transactional
    boolean revoke(String clientId) {
        return live(clientId).map(client -> {
            client.revokedAt = Instant.now();
            return true;
        }).orElse(false);
    }

    @Transactional
    Optional<OAuthClient> find(String clientId) {
        return Optional.ofNullable(OAuthClient.findById(clientId));
    }

    /** The live client whose id and secret these are, else empty (unknown, revoked or wrong secret alike). */
    @Transactional
    Optional<OAuthClient> authenticate(String clientId, String secret) {
        OAuthClient client = clientId.length() > 64 ? null : OAuthClient.findById(clientId);
        boolean matches = BcryptUtil.matches(secret, client == null ? DUMMY_HASH : client.secretHash);
        return client != null && matches && !client.revoked() ? Optional.of(client) : Optional.empty();
    }

    private Optional<OAuthClient> live(String clientId) {
        OAuthClient client = OAuthClient.findById(clientId);
        return client == null || client.revoked() ? Optional.empty() : Optional.of(client);
    }

    private static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
