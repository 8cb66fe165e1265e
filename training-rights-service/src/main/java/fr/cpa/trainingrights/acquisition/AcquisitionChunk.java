package fr.cpa.trainingrights.acquisition;

import fr.cpa.trainingrights.account.CpfAccount;
import fr.cpa.trainingrights.activity.YearlyActivity;
import fr.cpa.trainingrights.ledger.Ledger;
import fr.cpa.trainingrights.ledger.LedgerBatch;
import fr.cpa.trainingrights.rules.YearFacts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;
import org.jboss.logging.Logger;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * {@link Acquisition#acquire} for a chunk of holders of the yearly run at once: their accounts locked and
 * read in one query, the holders already credited for the year in one, their year's facts in two, each credit
 * computed by {@link Acquisition#credit} (the same rules, entries and explanations as for one holder) into a
 * {@link LedgerBatch}, written in bulk at the end. A round trip per holder was what kept the run at a few
 * hundred holders a second.
 */
@ApplicationScoped
public class AcquisitionChunk {

    private static final Logger LOG = Logger.getLogger(AcquisitionChunk.class);

    private final Acquisition acquisition;
    private final Ledger ledger;
    private final YearlyActivity activity;
    private final EntityManager em;

    AcquisitionChunk(Acquisition acquisition, Ledger ledger, YearlyActivity activity, EntityManager em) {
        this.acquisition = acquisition;
        this.ledger = ledger;
        this.activity = activity;
        this.em = em;
    }

    /** What happened to each of {@code holders}, in their order. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<UUID, Acquisition.Outcome> acquire(List<UUID> holders, int year) {
        long t0 = System.nanoTime();
        LedgerBatch batch = ledger.batch();
        Map<UUID, CpfAccount> accounts = batch.lockOpenAccounts(holders);
        long locked = System.nanoTime();
        Set<UUID> done = acquiredIn(year, accounts.keySet());
        long checked = System.nanoTime();
        List<CpfAccount> toCredit = accounts.values().stream().filter(a -> !done.contains(a.holderId)).toList();
        Map<UUID, YearFacts> facts = toCredit.isEmpty() ? Map.of() : activity.facts(toCredit, year);
        long t1 = System.nanoTime();
        Map<UUID, Acquisition.Outcome> outcomes = new LinkedHashMap<>(holders.size() * 2);
        for (UUID holder : holders) {
            CpfAccount account = accounts.get(holder);
            outcomes.put(holder, account == null ? Acquisition.Outcome.NO_ACCOUNT
                    : done.contains(holder) ? Acquisition.Outcome.ALREADY_DONE
                    : acquisition.credit(account, facts.get(holder), batch));
        }
        long t2 = System.nanoTime();
        batch.write();
        if (LOG.isDebugEnabled()) {
            LOG.debugf("chunk of %d holders: read %d ms (accounts locked %d, done checked %d, facts %d), computed %d ms, written %d ms",
                    holders.size(), (t1 - t0) / 1_000_000, (locked - t0) / 1_000_000, (checked - locked) / 1_000_000,
                    (t1 - checked) / 1_000_000, (t2 - t1) / 1_000_000, (System.nanoTime() - t2) / 1_000_000);
        }
        return outcomes;
    }

    /** The holders among {@code holders} who already have the year's ACQUISITION entry. */
    private Set<UUID> acquiredIn(int year, Collection<UUID> holders) {
        Set<UUID> done = new HashSet<>();
        if (holders.isEmpty()) {
            return done;
        }
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "select holder_id from cpf_entry where holder_id = any(?) and year = ? and kind = 'ACQUISITION'")) {
                select.setArray(1, connection.createArrayOf("uuid", holders.toArray()));
                select.setInt(2, year);
                try (ResultSet r = select.executeQuery()) {
                    while (r.next()) {
                        done.add(r.getObject(1, UUID.class));
                    }
                }
            }
        });
        return done;
    }
}
