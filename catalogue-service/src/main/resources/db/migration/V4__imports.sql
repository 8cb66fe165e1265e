-- Imports of the open-data catalogue CSV: progress and rejected rows with their reasons.
create table catalogue_import (
    id           uuid primary key,
    status       varchar(10)  not null,
    file_name    varchar(250),
    requested_by varchar(100) not null,
    bytes_total  bigint,
    bytes_read   bigint       not null default 0,
    rows_read    bigint       not null default 0,
    created      bigint       not null default 0,
    updated      bigint       not null default 0,
    unchanged    bigint       not null default 0,
    rejected     bigint       not null default 0,
    error        text,
    started_at   timestamptz  not null,
    finished_at  timestamptz
);

create table catalogue_import_rejection (
    import_id uuid    not null references catalogue_import on delete cascade,
    line      bigint  not null,
    number    varchar(150),
    reasons   text    not null,
    primary key (import_id, line)
);
