package fr.cpa.catalogue.search;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
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
    /**
     * About 3 µs a match for the full-text search (visiting each matching row to rank it and count its facets):
     * from 2 000 matches on, 6 ms and more; below that, a list saves little and costs its upkeep on every write.
     */
    public static final int DEFAULT_MIN_OFFERS = 2000;
    /** Words in more than a quarter of the offers barely narrow a search: their lists would be most of the catalogue. */
    public static final double DEFAULT_MAX_SHARE = 0.25;

    private final AgroalDataSource dataSource;
    private final int minOffers;
    private final double maxShare;

    FrequentWords(AgroalDataSource dataSource,
                  @ConfigProperty(name = "cpa.catalogue.frequent-words.min-offers", defaultValue = "" + DEFAULT_MIN_OFFERS) int minOffers,
                  @ConfigProperty(name = "cpa.catalogue.frequent-words.max-share", defaultValue = "" + DEFAULT_MAX_SHARE) double maxShare) {
        this.dataSource = dataSource;
        this.minOffers = minOffers;
        this.maxShare = maxShare;
    }

    void onStart(@Observes StartupEvent event) {
        refresh();
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
        try (Connection c = dataSource.getConnection()) {
            refresh(c, minOffers, maxShare);
        } catch (SQLException | RuntimeException e) {
            LOG.errorf(e, "the frequent words could not be chosen; those of the last choice stay");
        }
    }

    /**
     * Chooses the words in one transaction, which holds off the writers of search rows while it runs (a few
     * seconds for 200 000 offers when the words barely change; about 15 s to build every list the first time).
     */
    public static int refresh(Connection c, int minOffers, double maxShare) throws SQLException {
        long start = System.nanoTime();
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try (PreparedStatement ps = c.prepareStatement("select frequent_words_refresh(?, ?)")) {
            ps.setInt(1, minOffers);
            ps.setFloat(2, (float) maxShare);
            int words;
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                words = rs.getInt(1);
            }
            c.commit();
            LOG.infof("%d frequent words (in %d offers or more, at most %.0f %% of them) chosen in %d ms", words,
                    minOffers, maxShare * 100, (System.nanoTime() - start) / 1_000_000);
            return words;
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }
}
