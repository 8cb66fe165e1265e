-- The CPA summary also shows each open enrolment's money, from cpa.funding.v1 (training-rights):
-- held when the funds are reserved, captured when the training starts, released or refused.
-- An enrolment may be heard of first through its funding (two topics, no order between them): its
-- state is then unknown (null) until the catalogue's event arrives.
alter table holder_enrolment alter column state drop not null;
alter table holder_enrolment alter column updated_at drop not null;
alter table holder_enrolment add column funding_state text;          -- RESERVED, REFUSED, CAPTURED, RELEASED
alter table holder_enrolment add column held bigint not null default 0;          -- cents, all pots
alter table holder_enrolment add column remainder_due bigint not null default 0; -- cents, left to the holder
alter table holder_enrolment add column captured bigint not null default 0;      -- cents
alter table holder_enrolment add column funding_as_of timestamptz;
