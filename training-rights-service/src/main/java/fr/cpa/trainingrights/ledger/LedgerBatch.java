package fr.cpa.trainingrights.ledger;

import fr.cpa.platform.outbox.Outbox;
import fr.cpa.trainingrights.account.CpfAccount;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import org.hibernate.Session;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The bulk form of {@link Ledger#append} for the yearly run, whose chunks append thousands of entries: the
 * same entries and cached balances, but written once per chunk — one {@code COPY} of the entries, one
 * set-based {@code UPDATE} of the accounts that checks and bumps each version (optimistic locking as with
 * Hibernate's {@code @Version}), one {@code COPY} of the {@code CpfCredited} events into the outbox — instead
 * of a few round trips per entry. Only for the accounts it locked itself ({@link #lockOpenAccounts}), which
 * are plain objects, not managed by Hibernate; everything is written in the caller's transaction.
 */
public class LedgerBatch implements LedgerWriter {

    private static final Logger LOG = Logger.getLogger(LedgerBatch.class);

    private static final String ACCOUNTS = """
            select holder_id, birth_date, opened_at, ordinary_cents, cec_cents, top_up_cents, held_cents, hours_minutes,
                   hours_era_minutes, entry_count, low_qualified_from, disabled_worker_from, version
            from cpf_account where holder_id = any(?) and not closed order by holder_id for update""";
    private static final String UPDATE_ACCOUNTS = """
            update cpf_account a set ordinary_cents = v.ordinary, cec_cents = v.cec, top_up_cents = v.top_up,
                   held_cents = v.held, hours_minutes = v.hours, hours_era_minutes = v.hours_era,
                   entry_count = v.entries, version = a.version + 1
            from unnest(?::uuid[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[],
                        ?::bigint[]) as v(holder_id, version, ordinary, cec, top_up, held, hours, hours_era, entries)
            where a.holder_id = v.holder_id and a.version = v.version""";

    private final Ledger ledger;
    private final EntityManager em;
    private final Outbox outbox;
    private final Map<UUID, CpfAccount> changed = new LinkedHashMap<>();
    private final List<CpfEntry> entries = new ArrayList<>();
    private final List<Outbox.Message> events = new ArrayList<>();

    LedgerBatch(Ledger ledger, EntityManager em, Outbox outbox) {
        this.ledger = ledger;
        this.em = em;
        this.outbox = outbox;
    }

    /**
     * The open accounts among {@code holders}, by holder id, their rows locked until the end of the transaction
     * (in holder order, so that two lockers never wait on each other crosswise): a late declaration's
     * reconciliation locks the row too, so it waits for the chunk and then sees its entries.
     */
    public Map<UUID, CpfAccount> lockOpenAccounts(Collection<UUID> holders) {
        Map<UUID, CpfAccount> accounts = new LinkedHashMap<>(holders.size() * 2);
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement(ACCOUNTS)) {
                select.setArray(1, connection.createArrayOf("uuid", holders.toArray()));
                try (ResultSet r = select.executeQuery()) {
                    while (r.next()) {
                        CpfAccount a = new CpfAccount();
                        a.holderId = r.getObject(1, UUID.class);
                        a.birthDate = r.getObject(2, LocalDate.class);
                        a.openedAt = r.getObject(3, OffsetDateTime.class).toInstant();
                        a.ordinaryCents = r.getLong(4);
                        a.cecCents = r.getLong(5);
                        a.topUpCents = r.getLong(6);
                        a.heldCents = r.getLong(7);
                        a.hoursMinutes = r.getLong(8);
                        a.hoursEraMinutes = r.getLong(9);
                        a.entryCount = r.getLong(10);
                        a.lowQualifiedFrom = r.getObject(11, LocalDate.class);
                        a.disabledWorkerFrom = r.getObject(12, LocalDate.class);
                        a.version = r.getLong(13);
                        accounts.put(a.holderId, a);
                    }
                }
            }
        });
        return accounts;
    }

    /** As {@link Ledger#append}, written by {@link #write}. No event-caused entries: their dedup needs a lookup each. */
    @Override
    public CpfEntry append(CpfAccount account, Ledger.Draft draft) {
        if (draft.sourceEventId() != null) {
            throw new IllegalArgumentException("a batch appends no entry caused by an event");
        }
        CpfEntry entry = ledger.entry(account, draft, null);
        entries.add(entry);
        changed.put(account.holderId, account);
        return entry;
    }

    /** As {@link Ledger#publishCredited}: the balances are taken now, the event stored by {@link #write}. */
    @Override
    public void publishCredited(CpfAccount account, CpfEntry entry) {
        events.add(Ledger.credited(account, entry));
    }

    /**
     * Writes the batch. A changed account whose version moved since {@link #lockOpenAccounts} fails it with an
     * {@link OptimisticLockException} (it cannot while the rows are locked; the check keeps the cache's rule).
     */
    public void write() {
        if (entries.isEmpty()) {
            return;
        }
        long t0 = System.nanoTime();
        long[] t = new long[2];
        em.unwrap(Session.class).doWork(connection -> {
            copyEntries(connection);
            t[0] = System.nanoTime();
            int updated = updateAccounts(connection);
            t[1] = System.nanoTime();
            if (updated != changed.size()) {
                throw new OptimisticLockException((changed.size() - updated) + " of " + changed.size()
                        + " accounts changed during the batch");
            }
        });
        outbox.publishAll(events);
        if (LOG.isDebugEnabled()) {
            LOG.debugf("batch of %d entries: copied %d ms, %d accounts updated %d ms, %d events stored %d ms", entries.size(),
                    (t[0] - t0) / 1_000_000, changed.size(), (t[1] - t[0]) / 1_000_000, events.size(),
                    (System.nanoTime() - t[1]) / 1_000_000);
        }
    }

    private void copyEntries(Connection connection) throws SQLException {
        CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn("""
                copy cpf_entry (id, holder_id, line, kind, pot, amount_cents, held_cents, minutes, year, enrolment_id,
                                top_up_kind, top_up_reference, funder, earmarked_to, source_event_id, explanation, created_at,
                                cap_base_cents, cap_base_minutes)
                from stdin""");
        try {
            StringBuilder line = new StringBuilder(2048);
            for (CpfEntry e : entries) {
                line.setLength(0);
                line.append(e.id).append('\t').append(e.holderId).append('\t').append(e.line).append('\t')
                        .append(e.kind.name()).append('\t');
                text(line, e.pot).append('\t').append(e.amountCents).append('\t').append(e.heldCents).append('\t')
                        .append(e.minutes).append('\t');
                text(line, e.year).append('\t');
                text(line, e.enrolmentId).append('\t');
                text(line, e.topUpKind).append('\t');
                text(line, e.topUpReference).append('\t');
                text(line, e.funder).append('\t');
                text(line, e.earmarkedTo).append('\t');
                text(line, e.sourceEventId).append('\t');
                text(line, e.explanation).append('\t').append(e.createdAt).append('\t');
                text(line, e.capBaseCents).append('\t');
                text(line, e.capBaseMinutes).append('\n');
                byte[] bytes = line.toString().getBytes(StandardCharsets.UTF_8);
                copy.writeToCopy(bytes, 0, bytes.length);
            }
            copy.endCopy();
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy(); // a failure part-way: the transaction rolls back anyway
            }
        }
    }

    private int updateAccounts(Connection connection) throws SQLException {
        int n = changed.size();
        UUID[] ids = new UUID[n];
        Long[][] columns = new Long[8][n];
        int i = 0;
        for (CpfAccount a : changed.values()) {
            ids[i] = a.holderId;
            columns[0][i] = a.version;
            columns[1][i] = a.ordinaryCents;
            columns[2][i] = a.cecCents;
            columns[3][i] = a.topUpCents;
            columns[4][i] = a.heldCents;
            columns[5][i] = a.hoursMinutes;
            columns[6][i] = a.hoursEraMinutes;
            columns[7][i] = a.entryCount;
            i++;
        }
        try (PreparedStatement update = connection.prepareStatement(UPDATE_ACCOUNTS)) {
            update.setArray(1, connection.createArrayOf("uuid", ids));
            for (int c = 0; c < columns.length; c++) {
                update.setArray(c + 2, connection.createArrayOf("bigint", columns[c]));
            }
            return update.executeUpdate();
        }
    }

    /** A value in COPY's text format: {@code \N} for null; backslash and the characters that end a field or a row escaped. */
    private static StringBuilder text(StringBuilder out, Object value) {
        if (value == null) {
            return out.append("\\N");
        }
        String s = value.toString();
        if (!needsEscape(s)) {
            return out.append(s); // nearly always: explanations are JSON, whose own escapes already removed the controls
        }
        return Outbox.copyText(out, s);
    }

    private static boolean needsEscape(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' || c == '\n' || c == '\r' || c == '\t') {
                return true;
            }
        }
        return false;
    }
}
