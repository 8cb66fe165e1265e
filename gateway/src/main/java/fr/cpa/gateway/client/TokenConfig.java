package fr.cpa.gateway.client;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;

/** Tokens the gateway issues to machine clients, and the keys it publishes. */
@ConfigMapping(prefix = "cpa.gateway.tokens")
public interface TokenConfig {

    /** Lifespan of a client-credentials token: short, since a revoked client's token lives on until it expires. */
    @WithDefault("5m")
    Duration lifespan();

    /**
     * The {@code kid} of the signing key, {@code smallrye.jwt.sign.key.location}: put in the header of
     * every token, and published with the public half of that key at {@code /.well-known/jwks.json}.
     */
    @WithDefault("gateway-1")
    String signingKeyId();

    /**
     * Public keys still published after a key rotation, by key id (PEM files or class-path
     * resources), so that tokens signed with the previous key verify until they expire.
     */
    Map<String, String> previousPublicKeys();
}
