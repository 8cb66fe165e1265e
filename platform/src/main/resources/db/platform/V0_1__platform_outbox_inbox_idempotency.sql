-- Shared plumbing tables of every service (module platform). Service migrations start at V1.

-- Transactional outbox: written in the same transaction as the state change, published by OutboxRelay.
create table outbox_event (
    id          bigserial primary key,          -- publication order
    event_id    uuid        not null unique,
    topic       text        not null,
    record_key  text        not null,
    event_type  text        not null,
    payload     text        not null,           -- the whole JSON envelope
    created_at  timestamptz not null default now(),
    sent_at     timestamptz
);
create index outbox_event_pending on outbox_event (id) where sent_at is null;

-- Idempotent consumers: one row per (consumer, event) applied, written with the effect.
create table processed_event (
    consumer     text        not null,
    event_id     uuid        not null,
    processed_at timestamptz not null default now(),
    primary key (consumer, event_id)
);

-- Idempotency-Key: the first answer to a retried POST, replayed to later tries.
create table idempotency_record (
    scope         text        not null,          -- caller + operation
    idem_key      text        not null,
    request_hash  text        not null,
    status        int,
    location      text,
    body          text,
    created_at    timestamptz not null default now(),
    primary key (scope, idem_key)
);
