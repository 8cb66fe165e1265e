-- Machine clients of POST /auth/token (OAuth2 client credentials, RFC 6749 §4.4).
-- The secret is never stored: only its bcrypt hash. A revoked client keeps its row, for the audit.
create table oauth_client (
    client_id         varchar(64)  primary key,
    name              varchar(200) not null,
    kind              varchar(32)  not null,
    scopes            varchar(500) not null,  -- space-separated, as in RFC 6749 §3.3
    sirets            varchar(2000),          -- space-separated SIRETs (employer payroll systems, training organisations)
    rna               varchar(10),            -- associations
    secret_hash       varchar(100) not null,
    created_at        timestamptz  not null,
    secret_rotated_at timestamptz  not null,
    revoked_at        timestamptz
);
