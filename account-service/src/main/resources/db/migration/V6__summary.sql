-- The CPA summary read model, fed by the accounts' events (cpa.cpf.v1, cpa.c2p.v1, cpa.cec.v1,
-- cpa.enrolment.v1). Each part remembers the time of the event it last applied.
create table holder_summary (
    holder_id          uuid primary key,
    cpf_ordinary       bigint not null default 0,   -- cents
    cpf_cec            bigint not null default 0,
    cpf_top_ups        bigint not null default 0,
    cpf_held           bigint not null default 0,
    cpf_available      bigint not null default 0,
    cpf_hours_minutes  bigint not null default 0,
    cpf_as_of          timestamptz,
    c2p_total          int    not null default 0,   -- points
    c2p_used_training  int    not null default 0,   -- points converted for training or reconversion
    c2p_as_of          timestamptz,
    cec_total          bigint not null default 0,   -- cents
    cec_total_minutes  bigint not null default 0,
    cec_as_of          timestamptz,
    enrolment_as_of    timestamptz
);

create table holder_enrolment (
    enrolment_id uuid primary key,
    holder_id    uuid        not null,
    offer_id     uuid,
    state        text        not null,   -- REQUESTED, IN_TRAINING, CANCELLED, REFUSED, COMPLETED
    start_date   date,
    updated_at   timestamptz not null
);
create index holder_enrolment_holder on holder_enrolment (holder_id, state);
