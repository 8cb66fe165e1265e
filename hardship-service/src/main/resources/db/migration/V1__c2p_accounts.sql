-- One C2P account per holder, opened on HolderRegistered (the birth date drives doubling and reserved points).
create table c2p_account (
    holder_id  uuid primary key,
    birth_date date        not null,
    opened_at  timestamptz not null,
    points     int         not null default 0,
    version    bigint      not null default 0
);
