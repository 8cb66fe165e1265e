package fr.cpa.trainingrights.acquisition;

import fr.cpa.platform.problem.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;
import org.jboss.logging.Logger;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Yearly acquisition runs shared by every replica and by the workers of each. A run is cut at its start into
 * chunks, ranges of holder ids of {@code cpa.acquisition.chunk-size} open accounts each; a worker claims a
 * pending chunk with {@code FOR UPDATE SKIP LOCKED}, acquires its holders together ({@link AcquisitionChunk})
 * and marks it DONE in the transaction that writes their entries, so a crash rolls the chunk back to PENDING and
 * the next worker (any replica) resumes it; nothing is credited twice (and the (holder, year) unique index would
 * refuse it anyway). A chunk that fails as a whole goes holder by holder, so that one bad holder fails alone.
 */
@ApplicationScoped
public class AcquisitionRuns {

    private static final Logger LOG = Logger.getLogger(AcquisitionRuns.class);

    /** Progress of a run. */
    public record RunView(UUID id, int year, String status, long total, long done, long credited, long failed, long pending,
                          Instant startedAt, Instant finishedAt) {
    }

    /** A claimed range of holders: [from, to) in holder id order, null for unbounded. */
    record Chunk(int seq, UUID from, UUID to, boolean oneByOne) {

        /** The SQL condition on {@code column} for the range, its bounds as parameters 1 and 2 when present. */
        String condition(String column) {
            // with a leading space: text blocks drop the one they end with
            return " " + (from == null ? "true" : column + " >= ?") + " and " + (to == null ? "true" : column + " < ?");
        }

        void bind(PreparedStatement statement, int first) throws SQLException {
            int i = first;
            if (from != null) {
                statement.setObject(i++, from);
            }
            if (to != null) {
                statement.setObject(i, to);
            }
        }
    }

    private final EntityManager em;
    private final Acquisition acquisition;
    private final AcquisitionChunk chunk;
    private final int chunkSize;
    private final int workers;
    private final boolean workerEnabled;
    private final int chunkTimeoutSeconds;

    AcquisitionRuns(EntityManager em, Acquisition acquisition, AcquisitionChunk chunk,
                    @ConfigProperty(name = "cpa.acquisition.chunk-size", defaultValue = "2000") int chunkSize,
                    @ConfigProperty(name = "cpa.acquisition.workers", defaultValue = "2") int workers,
                    @ConfigProperty(name = "cpa.acquisition.worker-enabled", defaultValue = "true") boolean workerEnabled,
                    @ConfigProperty(name = "cpa.acquisition.chunk-timeout-seconds", defaultValue = "600") int chunkTimeoutSeconds) {
        this.chunkTimeoutSeconds = chunkTimeoutSeconds;
        this.em = em;
        this.acquisition = acquisition;
        this.chunk = chunk;
        this.chunkSize = chunkSize;
        this.workers = workers;
        this.workerEnabled = workerEnabled;
    }

    /** Starts the run of {@code year}, or returns the existing one (one run per year). */
    @Transactional
    public StartResult start(int year) {
        return start(year, chunkSize);
    }

    /** {@link #start(int)} with chunks of {@code size} holders (tests use tiny ones). */
    @Transactional
    StartResult start(int year, int size) {
        UUID id = UUID.randomUUID();
        // the chunks are cut by the first worker ({@link #cut}): here only the run, and its size for the progress
        int created = em.createNativeQuery("""
                        insert into acquisition_run (id, year, status, total, started_at, chunk_size, cut)
                        select :id, :year, 'RUNNING', count(*), now(), :size, false from cpf_account where not closed
                        on conflict (year) do nothing""")
                .setParameter("id", id).setParameter("year", year).setParameter("size", size).executeUpdate();
        if (created == 0) {
            return new StartResult(find(runIdOf(year)).orElseThrow(), false);
        }
        return new StartResult(find(id).orElseThrow(), true);
    }

    /**
     * Cuts the run into chunks once: every chunk-size-th open account starts a chunk, which ends where the next one
     * starts; the first starts below every id and the last has no end, so an account opened meanwhile falls in
     * exactly one chunk. The run's row is locked while it is cut, so a worker of another replica waits for the
     * chunks instead of finding none and calling the run done.
     */
    void cut(UUID runId) {
        QuarkusTransaction.requiringNew().run(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> run = em.createNativeQuery("select cut, chunk_size from acquisition_run where id = :id for update")
                    .setParameter("id", runId).getResultList();
            if (run.isEmpty() || (Boolean) run.get(0)[0]) {
                return;
            }
            em.createNativeQuery("""
                            insert into acquisition_run_chunk (run_id, seq, from_holder, to_holder)
                            select :id, seq, case when seq = 0 then null else holder_id end, lead(holder_id) over (order by seq)
                            from (select holder_id, (n - 1) / :size as seq, (n - 1) % :size as position
                                  from (select holder_id, row_number() over (order by holder_id) as n
                                        from cpf_account where not closed) numbered) a
                            where position = 0""")
                    .setParameter("id", runId).setParameter("size", ((Number) run.get(0)[1]).intValue()).executeUpdate();
            em.createNativeQuery("update acquisition_run set cut = true where id = :id").setParameter("id", runId).executeUpdate();
        });
    }

    public record StartResult(RunView run, boolean created) {
    }

    private UUID runIdOf(int year) {
        return (UUID) em.createNativeQuery("select id from acquisition_run where year = :y", UUID.class)
                .setParameter("y", year).getSingleResult();
    }

    @Transactional
    public Optional<RunView> find(UUID id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select r.year, r.status, r.total, r.started_at, r.finished_at,
                               coalesce(sum(c.done), 0), coalesce(sum(c.credited), 0), coalesce(sum(c.failed), 0)
                        from acquisition_run r left join acquisition_run_chunk c on c.run_id = r.id
                        where r.id = :id group by r.id""")
                .setParameter("id", id).getResultList();
        return rows.stream().findFirst().map(r -> {
            String status = (String) r[1];
            long total = ((Number) r[2]).longValue();
            long done = ((Number) r[5]).longValue();
            long failed = ((Number) r[7]).longValue();
            // counted when chunks finish; accounts opened during the run can make done exceed the starting total
            long pending = "DONE".equals(status) ? 0 : Math.max(0, total - done - failed);
            return new RunView(id, ((Number) r[0]).intValue(), status, total, done, ((Number) r[6]).longValue(), failed,
                    pending, instant(r[3]), instant(r[4]));
        });
    }

    private static Instant instant(Object value) {
        return value == null ? null : value instanceof Instant i ? i
                : value instanceof java.time.OffsetDateTime o ? o.toInstant() : ((java.sql.Timestamp) value).toInstant();
    }

    /** Every replica polls for running runs; SKIP LOCKED shares the chunks between them. */
    @Scheduled(every = "${cpa.acquisition.poll:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void work() {
        if (workerEnabled) {
            workOnce();
        }
    }

    /** One pass of the scheduled worker: resumes every RUNNING run until it has nothing pending. */
    void workOnce() {
        @SuppressWarnings("unchecked")
        List<UUID> running = QuarkusTransaction.requiringNew().call(() ->
                em.createNativeQuery("select id from acquisition_run where status = 'RUNNING'", UUID.class).getResultList());
        running.forEach(this::resume);
    }

    /** Cuts the run if no worker has yet, works on it until no chunk is pending, then marks it DONE. Safe to call from several replicas. */
    public void resume(UUID runId) {
        int year = find(runId).orElseThrow(() -> ProblemException.notFound("acquisition run " + runId)).year();
        cut(runId);
        // more than one worker per replica: while one computes its chunk, another's is read or written by PostgreSQL
        List<Thread> helpers = new ArrayList<>();
        for (int i = 1; i < workers; i++) {
            Thread helper = new Thread(() -> {
                try {
                    work(runId, year);
                } catch (RuntimeException e) {
                    // the other workers (and the next scheduled pass) take over its chunks
                    LOG.errorf(e, "acquisition run %s: a worker stopped", runId);
                }
            }, "acquisition-run-worker-" + i);
            helper.start();
            helpers.add(helper);
        }
        work(runId, year);
        for (Thread helper : helpers) {
            try {
                helper.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return; // the run stays RUNNING: the next pass finishes it
            }
        }
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                        update acquisition_run set status = 'DONE', finished_at = now()
                        where id = :id and status = 'RUNNING' and cut
                          and not exists (select 1 from acquisition_run_chunk where run_id = :id and state = 'PENDING')""")
                .setParameter("id", runId).executeUpdate());
    }

    /** Chunk after chunk until none is pending; a chunk that fails is marked to go holder by holder, and claimed again. */
    private void work(UUID runId, int year) {
        while (true) {
            AtomicReference<Chunk> claimed = new AtomicReference<>();
            try {
                if (processChunk(runId, year, claimed, holder -> { }) == 0) {
                    return;
                }
            } catch (RuntimeException e) {
                Chunk failed = claimed.get();
                if (failed == null || failed.oneByOne()) {
                    throw e; // not a holder's fault: the claim, or the bookkeeping of a chunk gone one by one
                }
                LOG.warnf("acquisition run %s: chunk %d failed (%s), going holder by holder", runId, failed.seq(), e.getMessage());
                QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                                "update acquisition_run_chunk set one_by_one = true where run_id = :r and seq = :s")
                        .setParameter("r", runId).setParameter("s", failed.seq()).executeUpdate());
            }
        }
    }

    /**
     * Claims a pending chunk, acquires its holders together and marks it DONE, in one transaction. {@code afterEach}
     * runs for each holder once the chunk is written, before the commit (tests use it to crash mid-chunk). Returns
     * the number of chunks claimed: 0 when none is pending.
     */
    int processChunk(UUID runId, int year, Consumer<UUID> afterEach) {
        cut(runId);
        return processChunk(runId, year, new AtomicReference<>(), afterEach);
    }

    private int processChunk(UUID runId, int year, AtomicReference<Chunk> claimed, Consumer<UUID> afterEach) {
        // a chunk's transaction may outlive the default 60 s on a loaded machine; a timeout would abort it and
        // send the chunk holder by holder
        return QuarkusTransaction.requiringNew().timeout(chunkTimeoutSeconds).call(() -> {
            Optional<Chunk> next = claim(runId);
            if (next.isEmpty()) {
                return 0;
            }
            Chunk c = next.get();
            claimed.set(c);
            if (c.oneByOne()) {
                oneByOne(runId, year, c);
                return 1;
            }
            List<UUID> holders = holders(c);
            Map<UUID, Acquisition.Outcome> outcomes = holders.isEmpty() ? Map.of() : chunk.acquire(holders, year);
            long credited = outcomes.values().stream().filter(o -> o == Acquisition.Outcome.CREDITED).count();
            markDone(runId, c, holders.size(), credited, 0);
            holders.forEach(afterEach);
            return 1;
        });
    }

    /**
     * Each holder of the chunk in its own transaction, its outcome (or error) recorded with it; the chunk stays
     * claimed by the caller's transaction meanwhile, and is marked DONE with the counts at the end. Resumed after
     * a crash, it skips the holders already recorded.
     */
    private void oneByOne(UUID runId, int year, Chunk c) {
        Set<UUID> recorded = new HashSet<>(recordedHolders(runId, c));
        for (UUID holder : holders(c)) {
            if (recorded.contains(holder)) {
                continue;
            }
            try {
                QuarkusTransaction.requiringNew().run(() ->
                        record(runId, holder, acquisition.acquire(holder, year) == Acquisition.Outcome.CREDITED, null));
            } catch (RuntimeException e) {
                LOG.errorf(e, "acquisition run %s: holder %s failed", runId, holder);
                QuarkusTransaction.requiringNew().run(() -> record(runId, holder, false, String.valueOf(e.getMessage())));
            }
        }
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement counts = connection.prepareStatement("""
                    select count(*) filter (where error is null), count(*) filter (where credited), count(*) filter (where error is not null)
                    from acquisition_run_holder where run_id = ? and """ + c.condition("holder_id"))) {
                counts.setObject(1, runId);
                c.bind(counts, 2);
                try (ResultSet r = counts.executeQuery()) {
                    r.next();
                    markDone(runId, c, r.getLong(1), r.getLong(2), r.getLong(3));
                }
            }
        });
    }

    private void record(UUID runId, UUID holder, boolean credited, String error) {
        em.createNativeQuery("""
                        insert into acquisition_run_holder (run_id, holder_id, credited, error) values (:r, :h, :c, :e)
                        on conflict do nothing""")
                .setParameter("r", runId).setParameter("h", holder).setParameter("c", credited).setParameter("e", error)
                .executeUpdate();
    }

    private Optional<Chunk> claim(UUID runId) {
        AtomicReference<Chunk> claimed = new AtomicReference<>();
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement("""
                    select seq, from_holder, to_holder, one_by_one from acquisition_run_chunk
                    where run_id = ? and state = 'PENDING' order by seq limit 1 for update skip locked""")) {
                select.setObject(1, runId);
                try (ResultSet r = select.executeQuery()) {
                    if (r.next()) {
                        claimed.set(new Chunk(r.getInt(1), r.getObject(2, UUID.class), r.getObject(3, UUID.class), r.getBoolean(4)));
                    }
                }
            }
        });
        return Optional.ofNullable(claimed.get());
    }

    /** The open accounts of the chunk, in holder order. */
    private List<UUID> holders(Chunk c) {
        return ids("select holder_id from cpf_account where not closed and" + c.condition("holder_id") + " order by holder_id",
                c, null);
    }

    private List<UUID> recordedHolders(UUID runId, Chunk c) {
        return ids("select holder_id from acquisition_run_holder where run_id = ? and" + c.condition("holder_id"), c, runId);
    }

    private List<UUID> ids(String sql, Chunk c, UUID runId) {
        List<UUID> ids = new ArrayList<>();
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                int first = 1;
                if (runId != null) {
                    select.setObject(first++, runId);
                }
                c.bind(select, first);
                try (ResultSet r = select.executeQuery()) {
                    while (r.next()) {
                        ids.add(r.getObject(1, UUID.class));
                    }
                }
            }
        });
        return ids;
    }

    private void markDone(UUID runId, Chunk c, long done, long credited, long failed) {
        em.createNativeQuery("""
                        update acquisition_run_chunk set state = 'DONE', done = :d, credited = :c, failed = :f
                        where run_id = :r and seq = :s""")
                .setParameter("d", done).setParameter("c", credited).setParameter("f", failed)
                .setParameter("r", runId).setParameter("s", c.seq()).executeUpdate();
    }
}
