package fr.cpa.catalogue.enrolment;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Enrolment settings. */
@ConfigMapping(prefix = "cpa.enrolment")
public interface EnrolmentConfig {

    /** How long a request waits for training-rights' FundsReserved/FundsRefused before it is cancelled. */
    @WithDefault("PT1H")
    Duration fundsTimeout();

    /** How often the sweep cancels enrolments past their deadline ({@code off} disables it). */
    @WithDefault("1m")
    String sweepEvery();
}
