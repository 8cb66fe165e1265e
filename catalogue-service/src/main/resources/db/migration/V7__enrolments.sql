-- Enrolments (issue 8): the purchase of a training session by a holder, its lifecycle (DOMAIN.md §4)
-- and what the funding saga told us.

-- An offer whose prerequisites the organisation must check gives it 30 working days to answer, not 2.
alter table offer add column prerequisites boolean not null default false;

-- The holder's dated situations (cpa.holder.v1), for the job-seeker flag of a request.
create table holder_situation (
    holder_id  uuid        not null,
    status     varchar(32) not null,
    category   varchar(8),
    from_date  date        not null,
    to_date    date,
    as_of      timestamptz not null,
    primary key (holder_id, status, from_date)
);

create table enrolment (
    id                        uuid primary key,
    holder_id                 uuid         not null,
    offer_id                  uuid         not null references offer,
    session_id                uuid         not null references training_session,
    organisation_id           uuid         not null references organisation,
    state                     varchar(24)  not null,
    certification_type        varchar(24)  not null,
    certification_code        varchar(20),
    certification_title       varchar(500),
    price_cents               bigint       not null,
    employer_co_funding_cents bigint       not null default 0,
    job_seeker                boolean      not null,
    prerequisites             boolean      not null,
    start_date                date         not null,
    region_code               varchar(3),
    requested_at              timestamptz  not null,
    -- the current state's deadline in working days (null when it waits on nobody); REQUESTED waits
    -- for the funds' answer, whose limit is a configured time after requested_at
    deadline                  date,
    funds_reserved_on         date,
    held_cents                bigint,
    remainder_due_cents       bigint,
    co_payment_cents          bigint,
    captured_cents            bigint       not null default 0,
    released_cents            bigint       not null default 0,
    accepted_on               date,
    validated_on              date,
    started_on                date,
    ended_on                  date,
    completed_on              date,
    closed_on                 date,
    -- HOLDER, ORGANISATION or DEADLINE for a cancellation; ORGANISATION or TRAINING_RIGHTS for a refusal
    closed_by                 varchar(16),
    reason                    varchar(100),
    reason_detail             varchar(500),
    full_recredit             boolean,
    updated_at                timestamptz  not null,
    version                   bigint       not null default 0
);
create index enrolment_holder_idx on enrolment (holder_id, requested_at);
create index enrolment_organisation_idx on enrolment (organisation_id);
create index enrolment_session_idx on enrolment (session_id, holder_id);
-- the sweep reads only enrolments that wait on someone
create index enrolment_waiting_idx on enrolment (state, deadline, requested_at)
    where state in ('REQUESTED', 'AWAITING_ORGANISATION', 'ACCEPTED', 'VALIDATED');

-- Every funding event applied (cpa.funding.v1), once each.
create table enrolment_funding_event (
    event_id      uuid primary key,
    enrolment_id  uuid         not null,
    type          varchar(32)  not null,
    amount_cents  bigint,
    reason        varchar(100),
    detail        varchar(500),
    applied       boolean      not null,
    received_at   timestamptz  not null
);
create index enrolment_funding_event_enrolment_idx on enrolment_funding_event (enrolment_id);
