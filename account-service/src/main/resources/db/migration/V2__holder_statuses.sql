-- A holder's dated situations (several may overlap), the low-qualified declaration and the OETH
-- recognition: one row per period, end_date inclusive and null while it lasts.
create table holder_status (
    id          uuid primary key,
    holder_id   uuid        not null references holder (id),
    status      text        not null,   -- Situation
    category    text,                   -- A/B/C for CIVIL_SERVANT
    start_date  date        not null,
    end_date    date,
    declared_by text        not null,   -- role of who recorded it (holder, advisor, service…)
    recorded_at timestamptz not null,
    version     bigint      not null default 0,
    check (end_date is null or end_date >= start_date)
);
create index holder_status_holder on holder_status (holder_id, status, start_date);
