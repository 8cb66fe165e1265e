package fr.cpa.account.access;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * The audit log of accesses to a holder's account by someone else (issue 10): who (the token's subject
 * and role), whom, when, why. Written in its own transaction before the data is returned, so an access
 * is never served unrecorded, and a look-up that finds nobody is recorded too. Never holds a NIR.
 */
@ApplicationScoped
public class AccessLog {

    /** The longest reason staff may give for reading a holder's account (look-up by NIR, summary). */
    public static final int MAX_REASON = 500;

    /** What was done. */
    public enum Action { LOOKUP, SUMMARY_READ }

    private final EntityManager em;

    AccessLog(EntityManager em) {
        this.em = em;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void record(UUID holderId, String accessor, String role, Action action, String reason) {
        em.createNativeQuery("""
                        insert into holder_access_log (holder_id, accessor, accessor_role, action, reason, found, at)
                        values (:holder, :accessor, :role, :action, :reason, :found, :at)""")
                .setParameter("holder", holderId)
                .setParameter("accessor", accessor)
                .setParameter("role", role)
                .setParameter("action", action.name())
                .setParameter("reason", reason)
                .setParameter("found", holderId != null)
                .setParameter("at", Timestamp.from(Instant.now()))
                .executeUpdate();
    }

    /** A holder's entries, newest first. */
    @SuppressWarnings("unchecked")
    List<AccessEntry> of(UUID holderId, int limit) {
        List<Object[]> rows = em.createNativeQuery("""
                        select at, accessor, accessor_role, action, reason from holder_access_log
                        where holder_id = :holder order by at desc, id desc limit :limit""")
                .setParameter("holder", holderId)
                .setParameter("limit", limit)
                .getResultList();
        return rows.stream().map(r -> new AccessEntry(instant(r[0]), (String) r[1], (String) r[2], (String) r[3],
                (String) r[4])).toList();
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }
}
