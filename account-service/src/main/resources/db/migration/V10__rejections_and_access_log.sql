-- Refused declarations, for the statistics (issue 10): nothing personal — the day, the SIRET (an
-- establishment, when the body gave a valid one) and the distinct reasons as "path: message" with
-- the employee indices removed and never a value from the body.
create table declaration_rejection (
    id       bigserial primary key,
    day      date   not null,      -- UTC
    siret    text,
    reasons  text[] not null
);
create index declaration_rejection_day on declaration_rejection (day);

-- Who looked at a holder's account (issue 10): every advisor look-up by NIR, found or not, and every
-- read of the summary by someone other than the holder. The NIR itself is never written here.
create table holder_access_log (
    id            bigserial primary key,
    holder_id     uuid,                 -- null: a look-up that found nobody
    accessor      text        not null, -- the token's subject
    accessor_role text        not null, -- advisor, admin, service
    action        text        not null, -- LOOKUP, SUMMARY_READ
    reason        text,                 -- required for LOOKUP
    found         boolean     not null,
    at            timestamptz not null
);
create index holder_access_log_holder on holder_access_log (holder_id, at desc);
