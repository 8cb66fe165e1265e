package fr.cpa.hardship;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import java.time.Clock;
import java.time.ZoneId;

/** Legal dates (closed years, use dates, ages) are French calendar days. */
@ApplicationScoped
class Clocks {

    @Produces
    @ApplicationScoped
    Clock clock() {
        return Clock.system(ZoneId.of("Europe/Paris"));
    }
}
