-- Engagements: association volunteering declared by the holder (one row per association, PENDING until
-- the association decides) and other activities declared by the responsible body (VALIDATED at once).
create table engagement (
    id                           uuid primary key,
    holder_id                    uuid         not null references cec_account (holder_id),
    declaration_id               uuid         not null,
    year                         int          not null,
    kind                         varchar(40)  not null,
    origin                       varchar(10)  not null,
    status                       varchar(20)  not null,
    rna                          varchar(10),
    siret                        varchar(14),
    role                         varchar(30),
    months                       int,
    days                         int,
    hours                        int,
    max_hours_in_one_association int,
    max_hours_in_one_body        int,
    engagement_years             int,
    continuous_years             int,
    duties                       int,
    interventions                int,
    association_registered_on    date,
    reference                    varchar(100),
    declared_at                  timestamptz  not null,
    declared_by                  varchar(200) not null,
    decided_at                   timestamptz,
    decided_by                   varchar(200),
    reason                       varchar(500),
    version                      bigint       not null default 0
);
create index engagement_by_holder on engagement (holder_id, year);
create index engagement_by_association on engagement (rna, status);
-- A volunteer declares an association's hours for a year once (a rejected declaration may be made again).
create unique index engagement_one_association_a_year on engagement (holder_id, year, rna)
    where rna is not null and status <> 'REJECTED';

-- One credit per holder, year and activity category, whatever the number of declarations.
create table cec_credit (
    id          uuid primary key,
    holder_id   uuid        not null references cec_account (holder_id),
    year        int         not null,
    kind        varchar(40) not null,
    unit        varchar(10) not null,
    value       bigint      not null,
    explanation text        not null,
    credited_at timestamptz not null,
    constraint cec_credit_once unique (holder_id, year, kind)
);
