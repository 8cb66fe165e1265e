package fr.cpa.trainingrights.acquisition;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * V6 replaces one item row per holder by ranges of holders. A database migrated while a run was going (a deployment
 * during the yearly run) must keep what the run did: finished runs with their counts and failures, a running run
 * in chunks whose ranges cover every holder once, a chunk with an item still pending left to do.
 */
class RunChunksMigrationTest {

    static final String DONE_RUN = "00000000-0000-0000-0000-000000000001";
    static final String RUNNING_RUN = "00000000-0000-0000-0000-000000000002";

    static MigrationDatabase db;

    @BeforeAll
    static void databaseOfTheItemLayout() throws SQLException {
        db = MigrationDatabase.at("runs", "5");
        db.sql("""
                insert into acquisition_run values ('%s', 2024, 'DONE', 5, now(), now()), ('%s', 2025, 'RUNNING', 4005, now(), null);
                insert into acquisition_run_item (run_id, holder_id, state, credited, error)
                select '%s', md5('a' || i)::uuid, case when i = 3 then 'FAILED' else 'DONE' end, i %% 2 = 0,
                       case when i = 3 then 'boom' end
                from generate_series(1, 5) i;
                -- a run two thirds through: holders of the first chunk done, the rest pending
                insert into acquisition_run_item (run_id, holder_id, state, credited)
                select '%s', h, case when n <= 2000 then 'DONE' else 'PENDING' end, n <= 2000
                from (select md5('b' || i)::uuid h, row_number() over (order by md5('b' || i)::uuid) n
                      from generate_series(1, 4005) i) x;""".formatted(DONE_RUN, RUNNING_RUN, DONE_RUN, RUNNING_RUN));
        db.migrate();
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    static List<List<Object>> rows(String query) throws SQLException {
        return db.rows(query);
    }

    @Test
    void aFinishedRunKeepsItsCountsAndItsFailure() throws SQLException {
        assertEquals(List.of(List.of("DONE", 4, 2, 1, true)), rows("""
                select state, done, credited, failed, from_holder is null and to_holder is null
                from acquisition_run_chunk where run_id = '%s'""".formatted(DONE_RUN)));
        assertEquals(List.of(List.of(false, "boom")), rows(
                "select credited, error from acquisition_run_holder where run_id = '%s'".formatted(DONE_RUN)));
        assertEquals(List.of(List.of(true)), rows("select cut from acquisition_run where id = '%s'".formatted(DONE_RUN)),
                "a run of the old layout needs no cutting");
    }

    @Test
    void aRunningRunIsInChunksCoveringEveryHolderOnceItsDoneChunkKept() throws SQLException {
        List<List<Object>> chunks = rows("""
                select seq, state, done, from_holder::text, to_holder::text from acquisition_run_chunk
                where run_id = '%s' order by seq""".formatted(RUNNING_RUN));
        assertEquals(3, chunks.size(), "2 000 items a chunk: " + chunks);
        assertEquals(List.of("DONE", 2000), chunks.get(0).subList(1, 3));
        assertEquals("PENDING", chunks.get(1).get(1));
        assertEquals("PENDING", chunks.get(2).get(1));
        assertNull(chunks.get(0).get(3), "the first chunk starts below every id");
        assertNull(chunks.get(2).get(4), "the last one has no end");
        for (int i = 1; i < chunks.size(); i++) {
            assertEquals(chunks.get(i - 1).get(4), chunks.get(i).get(3), "each chunk starts where the previous ends");
        }
        // every holder of the run falls in exactly one chunk
        assertEquals(List.of(List.of(4005L)), rows("""
                select count(*) from (select md5('b' || i)::uuid h from generate_series(1, 4005) i) x
                join acquisition_run_chunk c on c.run_id = '%s'
                 and (c.from_holder is null or c.from_holder <= x.h) and (c.to_holder is null or c.to_holder > x.h)"""
                .formatted(RUNNING_RUN)));
        assertTrue((Boolean) rows("select to_regclass('acquisition_run_item') is null").get(0).get(0), "the item table is gone");
    }
}
