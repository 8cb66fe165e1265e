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
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Yearly acquisition runs shared by every replica and by the workers of each: items are claimed in chunks
 * with {@code FOR UPDATE SKIP LOCKED}, acquired together ({@link AcquisitionChunk}) and marked DONE in the
 * transaction that writes their entries, so a crash rolls the chunk back to PENDING and the next worker (any
 * replica) resumes it; nothing is credited twice (and the (holder, year) unique index would refuse it anyway).
 */
@ApplicationScoped
public class AcquisitionRuns {

    private static final Logger LOG = Logger.getLogger(AcquisitionRuns.class);

    /** Progress of a run. */
    public record RunView(UUID id, int year, String status, long total, long done, long credited, long failed, long pending,
                          Instant startedAt, Instant finishedAt) {
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
        UUID id = UUID.randomUUID();
        int created = em.createNativeQuery("""
                        insert into acquisition_run (id, year, status, total, started_at) values (:id, :year, 'RUNNING', 0, now())
                        on conflict (year) do nothing""")
                .setParameter("id", id).setParameter("year", year).executeUpdate();
        if (created == 0) {
            return new StartResult(find(runIdOf(year)).orElseThrow(), false);
        }
        // in key order: the items' primary key then grows at its right edge instead of splitting pages everywhere
        int total = em.createNativeQuery("""
                        insert into acquisition_run_item (run_id, holder_id)
                        select :id, holder_id from cpf_account where not closed order by holder_id""")
                .setParameter("id", id).executeUpdate();
        em.createNativeQuery("update acquisition_run set total = :t where id = :id")
                .setParameter("t", total).setParameter("id", id).executeUpdate();
        return new StartResult(find(id).orElseThrow(), true);
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
                               count(*) filter (where i.state = 'DONE'), count(*) filter (where i.state = 'DONE' and i.credited),
                               count(*) filter (where i.state = 'FAILED'), count(*) filter (where i.state = 'PENDING')
                        from acquisition_run r left join acquisition_run_item i on i.run_id = r.id
                        where r.id = :id group by r.id""")
                .setParameter("id", id).getResultList();
        return rows.stream().findFirst().map(r -> new RunView(id, ((Number) r[0]).intValue(), (String) r[1],
                ((Number) r[2]).longValue(), ((Number) r[5]).longValue(), ((Number) r[6]).longValue(),
                ((Number) r[7]).longValue(), ((Number) r[8]).longValue(), instant(r[3]), instant(r[4])));
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

    /** Works on the run until no item is pending, then marks it DONE. Safe to call from several replicas. */
    public void resume(UUID runId) {
        resume(runId, chunkSize);
    }

    void resume(UUID runId, int chunkSize) {
        int year = find(runId).orElseThrow(() -> ProblemException.notFound("acquisition run " + runId)).year();
        // more than one worker per replica: while one computes its chunk, another's is read or written by PostgreSQL
        List<Thread> helpers = new ArrayList<>();
        for (int i = 1; i < workers; i++) {
            Thread helper = new Thread(() -> {
                try {
                    work(runId, year, chunkSize);
                } catch (RuntimeException e) {
                    // the other workers (and the next scheduled pass) take over its items
                    LOG.errorf(e, "acquisition run %s: a worker stopped", runId);
                }
            }, "acquisition-run-worker-" + i);
            helper.start();
            helpers.add(helper);
        }
        work(runId, year, chunkSize);
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
                        where id = :id and status = 'RUNNING'
                          and not exists (select 1 from acquisition_run_item where run_id = :id and state = 'PENDING')""")
                .setParameter("id", runId).executeUpdate());
    }

    /** Chunk after chunk until none is pending; a failed chunk goes holder by holder, so that one bad holder fails alone. */
    private void work(UUID runId, int year, int chunkSize) {
        while (true) {
            int processed;
            try {
                processed = processChunk(runId, year, chunkSize, holder -> { });
            } catch (RuntimeException e) {
                LOG.warnf("acquisition run %s: a chunk failed (%s), going holder by holder", runId, e.getMessage());
                processed = oneByOne(runId, year, chunkSize);
            }
            if (processed == 0) {
                return;
            }
        }
    }

    /**
     * Claims up to {@code size} pending holders, acquires them as one chunk and marks them DONE, in one
     * transaction. {@code afterEach} runs for each holder once the chunk is written, before the commit (tests
     * use it to crash mid-chunk). Returns the number claimed.
     */
    int processChunk(UUID runId, int year, int size, Consumer<UUID> afterEach) {
        // a chunk's transaction may outlive the default 60 s on a loaded machine; a timeout would abort it and
        // send the run holder by holder
        return QuarkusTransaction.requiringNew().timeout(chunkTimeoutSeconds).call(() -> {
            List<UUID> holders = claim(runId, size);
            if (holders.isEmpty()) {
                return 0;
            }
            Map<UUID, Acquisition.Outcome> outcomes = chunk.acquire(holders, year);
            markDone(runId, outcomes);
            holders.forEach(afterEach);
            return holders.size();
        });
    }

    private int oneByOne(UUID runId, int year, int size) {
        int processed = 0;
        for (int i = 0; i < size; i++) {
            AtomicReference<UUID> current = new AtomicReference<>();
            try {
                int claimed = QuarkusTransaction.requiringNew().call(() -> {
                    List<UUID> holders = claim(runId, 1);
                    if (holders.isEmpty()) {
                        return 0;
                    }
                    current.set(holders.get(0));
                    markDone(runId, holders.get(0), acquisition.acquire(holders.get(0), year) == Acquisition.Outcome.CREDITED);
                    return 1;
                });
                if (claimed == 0) {
                    break;
                }
            } catch (RuntimeException e) {
                if (current.get() == null) {
                    throw e;
                }
                LOG.errorf(e, "acquisition run %s: holder %s failed", runId, current.get());
                QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                                update acquisition_run_item set state = 'FAILED', error = :e where run_id = :r and holder_id = :h""")
                        .setParameter("e", String.valueOf(e.getMessage())).setParameter("r", runId)
                        .setParameter("h", current.get()).executeUpdate());
            }
            processed++;
        }
        return processed;
    }

    @SuppressWarnings("unchecked")
    private List<UUID> claim(UUID runId, int size) {
        return em.createNativeQuery("""
                        select holder_id from acquisition_run_item where run_id = :r and state = 'PENDING'
                        limit :n for update skip locked""", UUID.class)
                .setParameter("r", runId).setParameter("n", size).getResultList();
    }

    /** One statement for the whole chunk: credited or not, each item is DONE. */
    private void markDone(UUID runId, Map<UUID, Acquisition.Outcome> outcomes) {
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement update = connection.prepareStatement("""
                    update acquisition_run_item i set state = 'DONE', credited = v.credited
                    from unnest(?::uuid[], ?::boolean[]) as v(holder_id, credited)
                    where i.run_id = ? and i.holder_id = v.holder_id""")) {
                update.setArray(1, connection.createArrayOf("uuid", outcomes.keySet().toArray()));
                update.setArray(2, connection.createArrayOf("boolean",
                        outcomes.values().stream().map(o -> o == Acquisition.Outcome.CREDITED).toArray()));
                update.setObject(3, runId);
                update.executeUpdate();
            }
        });
    }

    private void markDone(UUID runId, UUID holder, boolean credited) {
        em.createNativeQuery("update acquisition_run_item set state = 'DONE', credited = :c where run_id = :r and holder_id = :h")
                .setParameter("c", credited).setParameter("r", runId).setParameter("h", holder).executeUpdate();
    }
}
