-- Dated situations of holders (cpa.holder.v1) and their declared monthly activity (cpa.activity.v1):
-- the facts the yearly acquisition run reads.
create table holder_status (
    holder_id  uuid        not null,
    status     varchar(32) not null,
    category   varchar(1),
    valid_from date        not null,
    valid_to   date,
    primary key (holder_id, status, valid_from)
);

-- One row per (holder, employer SIRET, month): a newer version of the declaration replaces the older
-- figures; a withdrawal removes them.
create table activity_month (
    holder_id       uuid        not null,
    siret           char(14)    not null,
    declaration_id  uuid        not null,
    period          char(7)     not null, -- YYYY-MM
    year            integer     not null,
    version         integer     not null,
    status          varchar(16) not null, -- EMPLOYEE or CIVIL_SERVANT
    category        varchar(1),
    time_unit       varchar(8)  not null, -- HOURS, DAYS, NONE
    paid_time       bigint,               -- minutes (HOURS) or days (DAYS)
    reference_time  bigint,
    gross_pay_cents bigint,
    absence_minutes bigint      not null default 0,
    primary key (holder_id, siret, period)
);
create index activity_month_declaration on activity_month (holder_id, declaration_id, period);
create index activity_month_year on activity_month (year, holder_id);

-- Yearly acquisition runs: one item per holder, claimed in chunks with FOR UPDATE SKIP LOCKED by any
-- replica; an item is marked DONE in the transaction that writes its ledger entries, so a crash loses
-- nothing and a resumed run never credits twice (cpf_entry_one_acquisition backs this up).
create table acquisition_run (
    id          uuid primary key,
    year        integer     not null unique,
    status      varchar(8)  not null check (status in ('RUNNING', 'DONE')),
    total       bigint      not null,
    started_at  timestamptz not null,
    finished_at timestamptz
);

create table acquisition_run_item (
    run_id    uuid        not null references acquisition_run (id),
    holder_id uuid        not null,
    state     varchar(8)  not null default 'PENDING' check (state in ('PENDING', 'DONE', 'FAILED')),
    credited  boolean     not null default false,
    error     text,
    primary key (run_id, holder_id)
);
create index acquisition_run_item_pending on acquisition_run_item (run_id) where state = 'PENDING';
