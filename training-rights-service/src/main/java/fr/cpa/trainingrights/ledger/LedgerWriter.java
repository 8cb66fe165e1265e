package fr.cpa.trainingrights.ledger;

import fr.cpa.trainingrights.account.CpfAccount;

/**
 * Where a computation appends entries and announces credits: the {@link Ledger} itself (one holder, written
 * at once) or a {@link LedgerBatch} (a chunk of the yearly run, written in bulk at the end). The acquisition
 * rules write through this, so a holder gets the same entries either way.
 */
public interface LedgerWriter {

    /** Appends {@code draft} to {@code account} and updates its cached balances (at once or with the batch). */
    CpfEntry append(CpfAccount account, Ledger.Draft draft);

    /** {@code CpfCredited} for {@code entry}, with the account's balances as they are now. */
    void publishCredited(CpfAccount account, CpfEntry entry);
}
