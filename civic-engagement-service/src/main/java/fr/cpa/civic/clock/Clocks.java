package fr.cpa.civic.clock;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.ZoneId;

/**
 * "Today" for the declaration and validation windows comes from this clock, in French time: the
 * windows close at midnight in Paris. Tests replace it with a clock they set (any other Clock bean wins).
 */
public class Clocks {

    public static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Produces
    @Singleton
    @DefaultBean
    Clock clock() {
        return Clock.system(PARIS);
    }
}
