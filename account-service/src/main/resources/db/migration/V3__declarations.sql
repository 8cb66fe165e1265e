-- Employer payroll declarations (DSN-like): one per establishment (SIRET) and month, replaceable
-- ("annule et remplace"): a new version marks the previous one REPLACED.
create table declaration (
    id              uuid primary key,              -- the payroll system's declarationId
    siret           text        not null,
    period          text        not null,          -- YYYY-MM
    version         int         not null,
    status          text        not null,          -- ACCEPTED or REPLACED
    body_hash       text        not null,          -- SHA-256 of the body: the same id with another body is refused
    employees       int         not null default 0,
    exposures       int         not null default 0,
    pending_holders int         not null default 0,   -- holders created for unknown NIRs
    replaces        uuid,
    replaced_by     uuid,
    submitted_by    text        not null,
    received_at     timestamptz not null
);
create unique index declaration_current on declaration (siret, period) where status = 'ACCEPTED';
create index declaration_siret_period on declaration (siret, period, version);

-- One row per employee-month; the NIR is not repeated here: holder_id points to the protected one.
create table declaration_employee (
    declaration_id  uuid    not null references declaration (id),
    line            int     not null,             -- index in the body's employees array
    holder_id       uuid    not null references holder (id),
    last_name       text    not null,
    first_name      text    not null,
    birth_date      date    not null,
    contract_nature text    not null,
    contract_start  date    not null,
    contract_end    date,
    status          text    not null,             -- EMPLOYEE or CIVIL_SERVANT
    category        text,
    time_unit       text    not null,             -- HOURS, DAYS, NONE
    paid_time       bigint,                       -- minutes (HOURS) or days (DAYS)
    reference_time  bigint,
    part_time_rate  int,
    gross_pay       bigint,                       -- cents
    absences        text    not null,             -- JSON [{"kind":…,"minutes":…}]
    primary key (declaration_id, line)
);
create index declaration_employee_holder on declaration_employee (holder_id);

create table declaration_exposure (
    declaration_id uuid   not null references declaration (id),
    line           int    not null,
    holder_id      uuid   not null references holder (id),
    year           int    not null,
    factor         text   not null,
    quantity       bigint not null,
    unit           text   not null,               -- NIGHTS, HOURS, INTERVENTIONS, PEAKS
    months         int    not null,
    primary key (declaration_id, line, factor, unit)
);
