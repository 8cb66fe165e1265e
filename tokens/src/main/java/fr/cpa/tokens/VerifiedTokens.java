package fr.cpa.tokens;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import io.smallrye.jwt.auth.principal.ParseException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The bearer tokens already verified, with the claims their verification gave. A client sends the
 * same token on every request until it expires, and checking its RS256 signature and parsing its
 * claims again each time took about 160 of the gateway's 410 µs of CPU per request (bench/results,
 * gateway/README.md), and made a service's CPF balance read cost 228 µs instead of 141.
 *
 * <p>A token is reused until the earlier of its {@code exp} and {@code maxAge} after its
 * verification, so a cached verification never outlives the token. Once its signing key leaves the
 * provider's JWKS, a token keeps passing for at most {@code maxAge} more than without the cache
 * (SmallRye refreshes its copy of the JWKS every {@code smallrye.jwt.jwks.refresh-interval}). Only
 * successes are kept: a bad token is verified, and refused, every time. The cache is bounded in
 * entries and in token length; 0 entries or a max age of 0 turns it off.
 *
 * <p>The expiry follows {@code exp} only: a limit on a token's age from its {@code iat}
 * ({@code mp.jwt.verify.token.age}, not set here) would need capping the entries at it too.
 */
public final class VerifiedTokens {

    /** Longer tokens are verified every time: the entries bound the memory only if each entry is bounded. */
    public static final int MAX_TOKEN_LENGTH = 4096;

    /** What verifies a token the first time. */
    @FunctionalInterface
    public interface Verification {
        JsonWebToken verify(String token) throws ParseException;
    }

    private final Cache<String, JsonWebToken> verified;

    /** {@code settings}: the configuration prefix of the two figures, named if they are refused. */
    public VerifiedTokens(String settings, int maxEntries, Duration maxAge) {
        this(settings, maxEntries, maxAge, Ticker.systemTicker(), () -> System.currentTimeMillis() / 1000);
    }

    /** {@code ticker} measures the entries' age, {@code epochSeconds} is the time a token's {@code exp} is read against. */
    VerifiedTokens(String settings, int maxEntries, Duration maxAge, Ticker ticker, LongSupplier epochSeconds) {
        if (maxEntries < 0 || maxAge.isNegative()) {
            throw new IllegalArgumentException(settings + ".max-entries and " + settings + ".max-age must not be negative"
                    + " (0 turns the cache off), got " + maxEntries + " and " + maxAge);
        }
        long maxAgeNanos = maxAge.toNanos();
        this.verified = Caffeine.newBuilder()
                .maximumSize(maxEntries)
                .ticker(ticker)
                // Upkeep on the calling thread: no hand-off to the common pool on a request's path.
                .executor(Runnable::run)
                .expireAfter(Expiry.<String, JsonWebToken>creating((token, jwt) -> {
                    // SmallRye requires exp; without one (0) the entry would not outlive maxAge anyway.
                    long left = Math.max(0, jwt.getExpirationTime() - epochSeconds.getAsLong());
                    return Duration.ofNanos(Math.min(maxAgeNanos, TimeUnit.SECONDS.toNanos(left)));
                }))
                .build();
    }

    /** The token's claims: from an earlier verification still valid, or from {@code verification} now. */
    public JsonWebToken verified(String token, Verification verification) throws ParseException {
        if (token.length() > MAX_TOKEN_LENGTH) {
            return verification.verify(token);
        }
        JsonWebToken known = verified.getIfPresent(token);
        if (known != null) {
            return known;
        }
        JsonWebToken jwt = verification.verify(token);
        verified.put(token, jwt);
        return jwt;
    }

    /**
     * The token's claims if an earlier verification of it still holds, else null; never verifies.
     * For a caller on an event loop, which must not verify there (a key resolver may download a JWKS).
     */
    public JsonWebToken ifVerified(String token) {
        return token.length() > MAX_TOKEN_LENGTH ? null : verified.getIfPresent(token);
    }

    long size() {
        verified.cleanUp();
        return verified.estimatedSize();
    }
}
