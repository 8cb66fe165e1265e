package fr.cpa.gateway.ratelimit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Rate limits by path, first matching rule wins. Each rule may limit each client (the verified
 * token's issuer and {@code sub}) and each IP address; a request must find a token in both buckets,
 * its IP's first (before its bearer token is verified).
 * The limits are per gateway replica (see README "Rate limits").
 */
@ConfigMapping(prefix = "cpa.gateway.rate-limits")
public interface RateLimitConfig {

    @WithDefault("true")
    boolean enabled();

    List<Rule> rules();

    interface Rule {

        /** Names the rule in problems and logs; buckets of different rules are separate. */
        String name();

        /** Path patterns as in the route table ({x} one segment, a last ** anything below). */
        List<String> paths();

        Optional<Limit> perClient();

        Optional<Limit> perIp();
    }

    /** {@code capacity} requests at once, refilled at {@code capacity} per {@code period}. */
    interface Limit {

        long capacity();

        @WithDefault("1m")
        Duration period();
    }
}
