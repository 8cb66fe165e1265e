-- The CPF ledger: immutable entries; the balances on cpf_account are a cache of their sums, kept under
-- optimistic locking (version) and checked by the invariant query of LedgerInvariant.
alter table cpf_account
    add column hours_era_minutes    bigint  not null default 0,
    add column entry_count          bigint  not null default 0,
    add column low_qualified_from   date,
    add column disabled_worker_from date,
    add column closed               boolean not null default false;

create table cpf_entry (
    id              uuid primary key,
    holder_id       uuid        not null references cpf_account (holder_id),
    -- 1, 2, 3… per holder, taken from cpf_account.entry_count under its version: a gap-free order
    line            bigint      not null,
    kind            varchar(16) not null check (kind in ('ACQUISITION', 'CONVERSION', 'TOP_UP', 'CEC', 'C2P',
                                                          'HOLD', 'CAPTURE', 'RELEASE', 'REFUND')),
    -- ORDINARY, CEC, TOP_UP:<entry id>, HOURS_ERA (private hours before the 2019 conversion), CIVIL_SERVANT_HOURS
    pot             varchar(64) not null,
    amount_cents    bigint      not null default 0, -- signed change of the pot's money
    held_cents      bigint      not null default 0, -- signed change of what is held in the pot
    minutes         bigint      not null default 0, -- signed change of hours (HOURS_ERA, CIVIL_SERVANT_HOURS)
    year            integer,
    enrolment_id    uuid,
    top_up_kind     varchar(40),
    top_up_reference varchar(100),                  -- e.g. the accident of a work-accident top-up (once per accident)
    funder          varchar(200),
    earmarked_to    text,                           -- comma-separated certification codes, null: any
    source_event_id uuid unique,                    -- the event that caused it: never applied twice
    explanation     text        not null,           -- JSON list of rules.Explanation
    created_at      timestamptz not null,
    unique (holder_id, line)
);
create index cpf_entry_holder on cpf_entry (holder_id, line desc);
create index cpf_entry_enrolment on cpf_entry (enrolment_id) where enrolment_id is not null;
-- a year is acquired once per holder
create unique index cpf_entry_one_acquisition on cpf_entry (holder_id, year) where kind = 'ACQUISITION';
create unique index cpf_entry_one_work_accident on cpf_entry (holder_id, top_up_reference) where top_up_kind = 'WORK_ACCIDENT';
