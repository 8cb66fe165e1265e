-- The cap base of a year: the statutory balances its ACQUISITION was computed on (ordinary cents, civil servants'
-- minutes), just before the credit. A late correction of the year computes the year again on these, not on today's
-- balances: spending, later years' credits or other years' corrections since then must not move the cap's room
-- (a holder at the cap who spent 3 000 € would otherwise get back the part of the year the cap had cut).
-- Minutes too: a correction may change the most favourable category of the year (R6323-27) between euros and hours,
-- and civil servants' hours are capped and stepped on their balance of that time as well.
-- Null on other kinds of entry.
alter table cpf_entry
    add column cap_base_cents   bigint,
    add column cap_base_minutes bigint;

-- Existing acquisitions: the balances a credit was computed on were the account's cached balances at the time, and
-- those equal the sums of the holder's entries before it (LedgerInvariant), so the base is derived exactly from the
-- lines before the ACQUISITION. One pass over the ledger in holder and line order.
with before as (
    select id,
           coalesce(sum(case when pot = 'ORDINARY' then amount_cents else 0 end)
                        over (partition by holder_id order by line rows between unbounded preceding and 1 preceding), 0) as cents,
           coalesce(sum(case when pot = 'CIVIL_SERVANT_HOURS' then minutes else 0 end)
                        over (partition by holder_id order by line rows between unbounded preceding and 1 preceding), 0) as minutes,
           kind
    from cpf_entry)
update cpf_entry e
set cap_base_cents = b.cents, cap_base_minutes = b.minutes
from before b
where b.id = e.id and b.kind = 'ACQUISITION';
