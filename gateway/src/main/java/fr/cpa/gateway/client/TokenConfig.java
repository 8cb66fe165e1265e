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

    /** Bearer tokens already verified, kept so that a client's next requests skip the signature check. */
    VerifiedCache verifiedCache();

    interface VerifiedCache {

        /**
         * Most tokens kept at once (0: none). With {@link fr.cpa.tokens.VerifiedTokens#MAX_TOKEN_LENGTH} it bounds
         * the memory held: a usual token and its claims take 2 to 3 KB, so 10 000 take some 30 MB
         * (only verified tokens get in, so nobody can fill it with junk).
         */
        @WithDefault("10000")
        int maxEntries();

        /**
         * Longest time a verification is reused (never past the token's {@code exp}): what the cache
         * adds, at most, to how long a token keeps passing once its signing key leaves the identity
         * provider's JWKS (SmallRye's own copy of it is refreshed every
         * {@code smallrye.jwt.jwks.refresh-interval}).
         */
        @WithDefault("60s")
        Duration maxAge();
    }
}
