package fr.cpa.trainingrights.ledger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.UUID;

/**
 * The ledger's invariant: each account's cached balances equal the sums of its entries, and no pot
 * holds more than it has. Run by the tests after every scenario and exposed to admins.
 */
@ApplicationScoped
public class LedgerInvariant {

    /** The outcome: accounts checked and those whose cache disagrees with their entries. */
    public record Report(long accountsChecked, List<UUID> mismatches, List<String> overHeldPots, boolean holds) {
        Report(long accountsChecked, List<UUID> mismatches, List<String> overHeldPots) {
            this(accountsChecked, mismatches, overHeldPots, mismatches.isEmpty() && overHeldPots.isEmpty());
        }
    }

    private final EntityManager em;

    LedgerInvariant(EntityManager em) {
        this.em = em;
    }

    @Transactional
    public Report check() {
        long accounts = ((Number) em.createNativeQuery("select count(*) from cpf_account").getSingleResult()).longValue();
        @SuppressWarnings("unchecked")
        List<UUID> mismatches = em.createNativeQuery("""
                select a.holder_id from cpf_account a
                left join (select holder_id,
                                  sum(case when pot = 'ORDINARY' then amount_cents else 0 end) ordinary,
                                  sum(case when pot = 'CEC' then amount_cents else 0 end) cec,
                                  sum(case when pot like 'TOP\\_UP:%' or pot = 'C2P' then amount_cents else 0 end) top_up,
                                  sum(held_cents) held,
                                  sum(case when pot = 'CIVIL_SERVANT_HOURS' then minutes else 0 end) cs_minutes,
                                  sum(case when pot = 'HOURS_ERA' then minutes else 0 end) era_minutes,
                                  count(*) entries
                           from cpf_entry group by holder_id) s on s.holder_id = a.holder_id
                where (a.ordinary_cents, a.cec_cents, a.top_up_cents, a.held_cents, a.hours_minutes,
                       a.hours_era_minutes, a.entry_count)
                      is distinct from
                      (coalesce(s.ordinary, 0), coalesce(s.cec, 0), coalesce(s.top_up, 0), coalesce(s.held, 0),
                       coalesce(s.cs_minutes, 0), coalesce(s.era_minutes, 0), coalesce(s.entries, 0))
                limit 1000""", UUID.class).getResultList();
        @SuppressWarnings("unchecked")
        List<String> overHeld = em.createNativeQuery("""
                select holder_id || '/' || pot from cpf_entry group by holder_id, pot
                having sum(held_cents) < 0 or sum(held_cents) > sum(amount_cents) or sum(amount_cents) < 0
                limit 1000""", String.class).getResultList();
        return new Report(accounts, mismatches, overHeld);
    }
}
