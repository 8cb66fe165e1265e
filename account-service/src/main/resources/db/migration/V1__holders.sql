-- Holders (titulaires). The NIR is never stored in clear: an HMAC for look-up, AES-GCM to read it back.
create table holder (
    id              uuid primary key,
    nir_hash        bytea       not null unique,
    nir_cipher      bytea       not null,
    last_name       text        not null,
    first_name      text        not null,
    birth_date      date        not null,
    identity_status text        not null,   -- ACTIVE, or PENDING for a holder created from payroll
    created_at      timestamptz not null,
    version         bigint      not null default 0
);
