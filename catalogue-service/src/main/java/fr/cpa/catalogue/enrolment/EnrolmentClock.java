package fr.cpa.catalogue.enrolment;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.ZoneId;

/**
 * The clock of the enrolment deadlines: French time, since working days are French days. Tests replace
 * it with a clock they drive (any other {@code Clock} bean wins over this default).
 */
@Singleton
public class EnrolmentClock {

    public static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Produces
    @DefaultBean
    @Singleton
    Clock clock() {
        return Clock.system(PARIS);
    }
}
