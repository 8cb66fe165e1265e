package fr.cpa.hardship.exposure;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * The daily run that assesses years closed since their exposures arrived (contracts that ended during
 * the year, declared at contract end). Declarations for closed years are assessed on arrival.
 */
@ApplicationScoped
class YearClosing {

    private static final Logger LOG = Logger.getLogger(YearClosing.class);

    private final ExposureService exposures;

    YearClosing(ExposureService exposures) {
        this.exposures = exposures;
    }

    @Scheduled(cron = "${cpa.c2p.year-closing-cron:0 30 2 * * ?}", identity = "c2p-year-closing",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        int assessed = exposures.assessClosedYears();
        if (assessed > 0) {
            LOG.infof("C2P year closing: %d holder-years assessed", assessed);
        }
    }
}
