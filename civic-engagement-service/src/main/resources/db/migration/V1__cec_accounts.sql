-- One CEC account per holder, opened on HolderRegistered. Credit in cents (from 2019) and minutes (2017-2018).
create table cec_account (
    holder_id      uuid primary key,
    opened_at      timestamptz not null,
    credit_cents   bigint      not null default 0,
    credit_minutes bigint      not null default 0,
    version        bigint      not null default 0
);
