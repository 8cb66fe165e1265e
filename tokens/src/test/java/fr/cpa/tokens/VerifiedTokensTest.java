package fr.cpa.tokens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;
import io.smallrye.jwt.build.Jwt;
import java.security.KeyPair;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

/** A verification is reused until the token's exp or the cache's max age, whichever comes first. */
class VerifiedTokensTest {

    private static final String ISSUER = "https://cpa.example";
    private static final KeyPair KEYS = TwoIssuerJwtParserTest.rsa();
    private static final KeyPair OTHER_KEYS = TwoIssuerJwtParserTest.rsa();

    private final long start = System.currentTimeMillis() / 1000;
    /** The cache's time, moved by hand: seconds after start. */
    private final AtomicLong elapsed = new AtomicLong();
    private final DefaultJWTParser parser = new DefaultJWTParser(new JWTAuthContextInfo(KEYS.getPublic(), ISSUER));
    private final AtomicInteger verifications = new AtomicInteger();
    private final VerifiedTokens.Verification counted = token -> {
        verifications.incrementAndGet();
        return parser.parse(token);
    };

    private VerifiedTokens cache(int maxEntries, Duration maxAge) {
        return new VerifiedTokens("cpa.test.verified-cache", maxEntries, maxAge, () -> elapsed.get() * 1_000_000_000L, () -> start + elapsed.get());
    }

    @Test
    void aTokenIsVerifiedOnceAndItsClaimsReused() throws ParseException {
        VerifiedTokens cache = cache(100, Duration.ofMinutes(1));
        String token = token(start + 300, KEYS);

        JsonWebToken first = cache.verified(token, counted);
        elapsed.set(30);
        JsonWebToken second = cache.verified(token, counted);

        assertSame(first, second);
        assertEquals("holder-1", second.getSubject());
        assertEquals(1, verifications.get());
    }

    @Test
    void aLookUpNeverVerifies() throws ParseException {
        VerifiedTokens cache = cache(100, Duration.ofMinutes(1));
        String token = token(start + 300, KEYS);
        String overlong = Jwt.issuer(ISSUER).subject("holder-1").expiresAt(start + 300)
                .claim("padding", "x".repeat(VerifiedTokens.MAX_TOKEN_LENGTH)).sign(KEYS.getPrivate());

        assertNull(cache.ifVerified(token), "never verified: unknown");
        JsonWebToken first = cache.verified(token, counted);
        assertSame(first, cache.ifVerified(token));
        cache.verified(overlong, counted);
        assertNull(cache.ifVerified(overlong), "never kept");
        elapsed.set(60);
        assertNull(cache.ifVerified(token), "past the max age: gone");
        assertEquals(2, verifications.get());
    }

    @Test
    void aVerificationIsNotReusedPastTheTokensExpiry() throws ParseException {
        VerifiedTokens cache = cache(100, Duration.ofMinutes(5));
        String token = token(start + 30, KEYS);
        cache.verified(token, counted);

        elapsed.set(29);
        cache.verified(token, counted);
        assertEquals(1, verifications.get(), "one second before exp: reused");

        elapsed.set(30);
        cache.verified(token, counted);
        assertEquals(2, verifications.get(), "at exp: verified again (and refused by then, once the real clock gets there)");
    }

    @Test
    void aVerificationIsNotReusedPastTheMaxAge() throws ParseException {
        VerifiedTokens cache = cache(100, Duration.ofSeconds(60));
        String token = token(start + 3600, KEYS);
        cache.verified(token, counted);

        elapsed.set(59);
        cache.verified(token, counted);
        assertEquals(1, verifications.get());

        elapsed.set(60);
        cache.verified(token, counted);
        assertEquals(2, verifications.get(), "a withdrawn key stops passing within max-age");
    }

    @Test
    void aRefusedTokenIsVerifiedAndRefusedEveryTime() {
        VerifiedTokens cache = cache(100, Duration.ofMinutes(1));
        String forged = token(start + 300, OTHER_KEYS);

        assertThrows(ParseException.class, () -> cache.verified(forged, counted));
        assertThrows(ParseException.class, () -> cache.verified(forged, counted));
        assertEquals(2, verifications.get());
        assertEquals(0, cache.size());
    }

    @Test
    void aTokenAlreadyExpiredByTheCachesClockIsNotKept() throws ParseException {
        VerifiedTokens cache = cache(100, Duration.ofMinutes(1));
        String token = token(start + 120, KEYS);
        elapsed.set(120); // the parser, on the real clock, still accepts it

        cache.verified(token, counted);
        cache.verified(token, counted);

        assertEquals(2, verifications.get());
    }

    @Test
    void anOverlongTokenIsVerifiedEveryTime() throws ParseException {
        VerifiedTokens cache = cache(100, Duration.ofMinutes(1));
        String token = Jwt.issuer(ISSUER).subject("holder-1").expiresAt(start + 300)
                .claim("padding", "x".repeat(VerifiedTokens.MAX_TOKEN_LENGTH)).sign(KEYS.getPrivate());

        cache.verified(token, counted);
        cache.verified(token, counted);

        assertEquals(2, verifications.get());
        assertEquals(0, cache.size());
    }

    @Test
    void aTokenOfTheLongestLengthKeptIsKeptAndOneCharacterMoreIsNot() throws ParseException {
        VerifiedTokens cache = cache(100, Duration.ofMinutes(1));
        JsonWebToken claims = parser.parse(token(start + 300, KEYS));
        // The cache keys on the token's text only: any string stands in for a token of that length.
        VerifiedTokens.Verification stub = token -> {
            verifications.incrementAndGet();
            return claims;
        };
        String longest = "x".repeat(VerifiedTokens.MAX_TOKEN_LENGTH);
        String tooLong = "y".repeat(VerifiedTokens.MAX_TOKEN_LENGTH + 1);

        cache.verified(longest, stub);
        cache.verified(longest, stub);
        assertEquals(1, verifications.get(), "4 096 characters: kept");

        cache.verified(tooLong, stub);
        cache.verified(tooLong, stub);
        assertEquals(3, verifications.get(), "4 097 characters: verified every time");
    }

    @Test
    void noEntriesOrNoAgeTurnsTheCacheOff() throws ParseException {
        String token = token(start + 300, KEYS);
        for (VerifiedTokens off : new VerifiedTokens[] {cache(0, Duration.ofMinutes(1)), cache(100, Duration.ZERO)}) {
            verifications.set(0);
            off.verified(token, counted);
            off.verified(token, counted);
            assertEquals(2, verifications.get());
        }
    }

    @Test
    void aNegativeSettingIsRefusedAtStart() {
        IllegalArgumentException entries = assertThrows(IllegalArgumentException.class, () -> cache(-1, Duration.ofMinutes(1)));
        assertThrows(IllegalArgumentException.class, () -> cache(100, Duration.ofSeconds(-1)));
        assertTrue(entries.getMessage().startsWith("cpa.test.verified-cache.max-entries and cpa.test.verified-cache.max-age"),
                entries.getMessage());
    }

    @Test
    void theCacheHoldsAtMostItsMaxEntries() throws ParseException {
        VerifiedTokens cache = cache(10, Duration.ofMinutes(1));
        for (int i = 0; i < 50; i++) {
            cache.verified(Jwt.issuer(ISSUER).subject("holder-" + i).expiresAt(start + 300).sign(KEYS.getPrivate()), counted);
        }

        assertTrue(cache.size() <= 10, "entries: " + cache.size());
    }

    private static String token(long expiresAt, KeyPair keys) {
        return Jwt.issuer(ISSUER).subject("holder-1").groups("holder").expiresAt(expiresAt).sign(keys.getPrivate());
    }
}
