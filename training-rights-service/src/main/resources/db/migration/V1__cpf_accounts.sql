-- One CPF account per holder, opened on HolderRegistered. Balances are integer cents (euros era) and
-- minutes (hours: civil servants and the pre-2019 era).
create table cpf_account (
    holder_id      uuid primary key,
    birth_date     date        not null,
    opened_at      timestamptz not null,
    ordinary_cents bigint      not null default 0,
    cec_cents      bigint      not null default 0,
    top_up_cents   bigint      not null default 0,
    held_cents     bigint      not null default 0,
    hours_minutes  bigint      not null default 0,
    version        bigint      not null default 0
);
