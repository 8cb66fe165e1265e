package fr.cpa.gateway.client;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import io.smallrye.jwt.auth.principal.ParseException;
import java.time.Duration;
import java.util.function.LongSupplier;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The bearer tokens already verified, with the claims their verification gave. A client sends the
 * same token on every request until it expires, and checking its RS256 signature and parsing its
 * claims again each time was most of the gateway's own cost per request (bench/results, README).
 *
 * <p>A token is reused until the earlier of its {@code exp} and {@code maxAge} after its
 * verification, so a cached verification never outlives the token, and a token whose signing key
 * was withdrawn stops passing within {@code maxAge}. Only successes are kept: a bad token is
 * verified, and refused, every time. The cache is bounded in entries and in token length.
 */
final class VerifiedTokens {

    /** Longer tokens are verified every time: the entries bound the memory only if each entry is bounded. */
    static final int MAX_TOKEN_LENGTH = 4096;

    /** What verifies a token the first time. */
    @FunctionalInterface
    interface Verification {
        JsonWebToken verify(String token) throws ParseException;
    }

    private final Cache<String, JsonWebToken> verified;

    VerifiedTokens(int maxEntries, Duration maxAge) {
        this(maxEntries, maxAge, Ticker.systemTicker(), () -> System.currentTimeMillis() / 1000);
    }

    /** {@code ticker} measures the entries' age, {@code epochSeconds} is the time a token's {@code exp} is read against. */
    VerifiedTokens(int maxEntries, Duration maxAge, Ticker ticker, LongSupplier epochSeconds) {
        long maxAgeNanos = maxAge.toNanos();
        this.verified = Caffeine.newBuilder()
                .maximumSize(maxEntries)
                .ticker(ticker)
                // Upkeep on the calling thread: no hand-off to the common pool on a request's path.
                .executor(Runnable::run)
                .expireAfter(Expiry.<String, JsonWebToken>creating((token, jwt) -> {
                    long left = jwt.getExpirationTime() - epochSeconds.getAsLong();
                    // A token without exp (never issued here, but a provider could) lasts maxAge.
                    long untilExpiry = jwt.getExpirationTime() == 0 ? Long.MAX_VALUE : Math.max(0, left) * 1_000_000_000L;
                    return Duration.ofNanos(Math.min(maxAgeNanos, untilExpiry));
                }))
                .build();
    }

    /** The token's claims: from an earlier verification still valid, or from {@code verification} now. */
    JsonWebToken verified(String token, Verification verification) throws ParseException {
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

    long size() {
        verified.cleanUp();
        return verified.estimatedSize();
    }
}
