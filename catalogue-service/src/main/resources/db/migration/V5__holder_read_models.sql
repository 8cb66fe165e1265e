-- Local read models for recommendations, fed by events (event-carried state transfer):
-- the skills profile from account-service (cpa.holder.v1 HolderSkillsUpdated) and the CPF balance
-- from training-rights-service (cpa.cpf.v1 balancesAfter).
create table holder_profile (
    holder_id   uuid primary key,
    skills      text[]      not null default '{}',
    target_jobs text[]      not null default '{}',
    region_code varchar(3),
    as_of       timestamptz not null
);

create table holder_balance (
    holder_id       uuid primary key,
    available_cents bigint      not null,
    as_of           timestamptz not null
);
