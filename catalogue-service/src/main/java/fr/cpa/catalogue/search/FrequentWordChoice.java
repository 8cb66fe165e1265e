package fr.cpa.catalogue.search;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The choice of the frequent words (V15's {@code frequent_words_refresh}), on a connection: used by the service
 * ({@link FrequentWords}) and by the command-line importer, which runs without the service (nor its logging).
 */
public final class FrequentWordChoice {

    /**
     * About 3 µs a match for the full-text search (visiting each matching row to rank it and count its facets):
     * from 2 000 matches on, 6 ms and more; below that, a list saves little and costs its upkeep on every write.
     */
    public static final int DEFAULT_MIN_OFFERS = 2000;
    /** Words in more than a quarter of the offers barely narrow a search: their lists would be most of the catalogue. */
    public static final double DEFAULT_MAX_SHARE = 0.25;

    private FrequentWordChoice() {
    }

    /**
     * Chooses the words in one transaction, which holds off the writers of search rows while it runs (a few
     * seconds for 200 000 offers when the words barely change; about 15 s to build every list the first time).
     * Returns how many words are frequent.
     */
    public static int choose(Connection c, int minOffers, double maxShare) throws SQLException {
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
            return words;
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }
}
