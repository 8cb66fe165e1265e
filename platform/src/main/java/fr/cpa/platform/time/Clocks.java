package fr.cpa.platform.time;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;

/**
 * The {@link Clock} every service injects for "today". Tests that drive time themselves declare their
 * own {@code Clock} bean, which wins over this default.
 */
@Singleton
public class Clocks {

    @Produces
    @DefaultBean
    @Singleton
    Clock clock(SuiteClock suiteClock) {
        return suiteClock;
    }
}
