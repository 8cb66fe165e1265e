package fr.cpa.gateway.stats;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The gateway's own statistics endpoint. */
@ConfigMapping(prefix = "cpa.gateway.stats")
interface StatsConfig {

    /** How long each service has to answer its operations figures before it is listed as unreachable. */
    @WithDefault("3s")
    Duration fetchTimeout();
}
