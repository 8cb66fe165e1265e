package fr.cpa.gateway.devtoken;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Demo tokens for every role, for the local profile and tests only. */
@ConfigMapping(prefix = "cpa.gateway.dev-tokens")
public interface DevTokenConfig {

    /** Whether {@code POST /auth/dev-token} exists; true in the {@code local} and {@code test} profiles only. */
    @WithDefault("false")
    boolean enabled();

    /** How long a demo token is valid. */
    @WithDefault("1h")
    Duration lifespan();
}
