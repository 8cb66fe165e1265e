package fr.cpa.catalogue.enrolment;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.UUID;

/**
 * No enrolment waits forever: a periodic sweep cancels those whose awaited party is late — funds not
 * answered within {@code cpa.enrolment.funds-timeout}, the organisation past its 2 (or 30) working
 * days, the holder past 4, the entry not declared 3 working days after the start — and each
 * cancellation goes out as {@code EnrolmentCancelled} (full re-credit) so that training-rights releases
 * the hold. Each enrolment is re-checked under its row lock, so replicas sweeping together cancel it once.
 */
@ApplicationScoped
public class EnrolmentSweep {

    private static final Logger LOG = Logger.getLogger(EnrolmentSweep.class);
    static final int BATCH = 200;

    private final EnrolmentService enrolments;

    EnrolmentSweep(EnrolmentService enrolments) {
        this.enrolments = enrolments;
    }

    @Scheduled(every = "${cpa.enrolment.sweep-every:1m}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        sweep();
    }

    /** Cancels every late enrolment; returns how many. */
    public int sweep() {
        int cancelled = 0;
        while (true) {
            List<UUID> late = enrolments.overdue(BATCH);
            int before = cancelled;
            for (UUID id : late) {
                if (enrolments.expire(id)) {
                    cancelled++;
                }
            }
            if (late.size() < BATCH || cancelled == before) {
                break;
            }
        }
        if (cancelled > 0) {
            LOG.infof("enrolment sweep: %d late enrolment(s) cancelled", cancelled);
        }
        return cancelled;
    }
}
