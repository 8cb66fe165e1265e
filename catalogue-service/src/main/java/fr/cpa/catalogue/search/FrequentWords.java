package fr.cpa.catalogue.search;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Chooses the frequent words whose searches read a list instead of ranking every match (V15): the words held
 * by at least {@code cpa.catalogue.frequent-words.min-offers} listed offers and by at most {@code max-share} of
 * them. Between two choices, each list follows its offers in the transactions that write them; a word that
 * becomes frequent in between is searched as any other word, only slower. The choice is made at start, after
 * each import and every night.
 */
@ApplicationScoped
public class FrequentWords {

    private static final Logger LOG = Logger.getLogger(FrequentWords.class);

    private final AgroalDataSource dataSource;
    private final int minOffers;
    private final double maxShare;

    FrequentWords(AgroalDataSource dataSource,
                  @ConfigProperty(name = "cpa.catalogue.frequent-words.min-offers",
                          defaultValue = "" + FrequentWordChoice.DEFAULT_MIN_OFFERS) int minOffers,
                  @ConfigProperty(name = "cpa.catalogue.frequent-words.max-share",
                          defaultValue = "" + FrequentWordChoice.DEFAULT_MAX_SHARE) double maxShare) {
        // a bar of 0 or 1 offer, or a share above all, would list nearly every word of every offer
        if (minOffers < 2 || !(maxShare > 0 && maxShare <= 1)) {
            throw new IllegalArgumentException("cpa.catalogue.frequent-words: min-offers must be 2 or more and max-share"
                    + " in (0, 1], not " + minOffers + " and " + maxShare);
        }
        this.dataSource = dataSource;
        this.minOffers = minOffers;
        this.maxShare = maxShare;
    }

    /** At start, in the background: the first choice over 200 000 offers takes ~15 s, which the start need not wait. */
    void onStart(@Observes StartupEvent event) {
        Thread thread = new Thread(this::refresh, "frequent-words");
        thread.setDaemon(true);
        thread.start();
    }

    @Scheduled(cron = "${cpa.catalogue.frequent-words.cron:0 30 3 * * ?}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void nightly() {
        refresh();
    }

    /**
     * Chooses the words with the configured bounds. A failure is logged, not thrown: the searches stay right with
     * the words and lists of the last choice, and neither the start nor an import depends on it.
     */
    public void refresh() {
        long start = System.nanoTime();
        try (Connection c = dataSource.getConnection()) {
            int words = FrequentWordChoice.choose(c, minOffers, maxShare);
            LOG.infof("%d frequent words (in %d offers or more, at most %.0f %% of them) chosen in %d ms", words,
                    minOffers, maxShare * 100, (System.nanoTime() - start) / 1_000_000);
        } catch (SQLException | RuntimeException e) {
            LOG.errorf(e, "the frequent words could not be chosen; those of the last choice stay");
        }
    }
}
