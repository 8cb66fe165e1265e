-- Organisations, offers (Mon Compte Formation open-data fields, DOMAIN.md §4), their areas and sessions,
-- and the French full-text search.

-- unaccent and pg_trgm are contrib extensions (shipped with the embedded PostgreSQL binaries).
create extension if not exists unaccent;
create extension if not exists pg_trgm;

-- French stemming that ignores accents: "developpement" finds "Développement".
create text search configuration french_unaccent (copy = pg_catalog.french);
alter text search configuration french_unaccent
    alter mapping for hword, hword_part, word with unaccent, french_stem;

-- unaccent() is only STABLE (its dictionary could change); pinning the dictionary makes it safe for
-- generated columns and indexes.
create function catalogue_fold(text) returns text
    language sql immutable parallel safe strict
    as $$ select lower(public.unaccent('public.unaccent'::regdictionary, $1)) $$;

create table organisation (
    id                   uuid primary key,
    siret                varchar(14)  not null unique,
    name                 varchar(250) not null,
    -- numéro de déclaration d'activité (NDA), 11 characters
    declaration_number   varchar(11),
    qualiopi_certificate varchar(100),
    qualiopi_valid_until date,
    status               varchar(16)  not null,
    created_at           timestamptz  not null,
    updated_at           timestamptz  not null,
    version              bigint       not null default 0
);

create table offer (
    id                    uuid primary key,
    number                varchar(150) not null unique,
    organisation_id       uuid         not null references organisation,
    title                 varchar(500) not null,
    objective             text,
    content               text,
    certification_type    varchar(24)  not null,
    certification_code    varchar(20),
    certification_title   varchar(500),
    formacodes            text[]       not null default '{}',
    rome_codes            text[]       not null default '{}',
    duration_min_minutes  integer,
    duration_max_minutes  integer,
    price_min_cents       bigint,
    price_max_cents       bigint,
    modality              varchar(10)  not null,
    -- denormalised from offer_area, for filters and facets
    region_codes          text[]       not null default '{}',
    department_codes      text[]       not null default '{}',
    status                varchar(12)  not null,
    cpf_eligible          boolean      not null,
    next_session_start    date,
    source                varchar(10)  not null,
    source_hash           varchar(64),
    created_at            timestamptz  not null,
    updated_at            timestamptz  not null,
    version               bigint       not null default 0,
    -- weighted: title (A) > certification (B) > objective and content (C)
    search_vector tsvector generated always as (
        setweight(to_tsvector('french_unaccent', coalesce(title, '')), 'A') ||
        setweight(to_tsvector('french_unaccent', coalesce(certification_title, '')), 'B') ||
        setweight(to_tsvector('french_unaccent', coalesce(objective, '') || ' ' || coalesce(content, '')), 'C')
    ) stored,
    -- for the typo-tolerant (trigram) fallback
    title_folded text generated always as (catalogue_fold(title)) stored
);

create index offer_search_idx on offer using gin (search_vector);
create index offer_title_trgm_idx on offer using gin (title_folded gin_trgm_ops);
create index offer_region_idx on offer using gin (region_codes);
create index offer_department_idx on offer using gin (department_codes);
create index offer_rome_idx on offer using gin (rome_codes);
create index offer_certification_idx on offer (certification_code);
create index offer_organisation_idx on offer (organisation_id);
create index offer_published_price_idx on offer (price_min_cents, id) where status = 'PUBLISHED';
create index offer_published_start_idx on offer (next_session_start, id) where status = 'PUBLISHED';

-- Where an offer is given: the open-data export has one row per offer and department.
-- department_code '' = no department (remote or nationwide).
create table offer_area (
    offer_id         uuid        not null references offer on delete cascade,
    department_code  varchar(3)  not null,
    region_code      varchar(3),
    sessions_active  integer     not null default 0,
    sessions_remote  integer     not null default 0,
    price_min_cents  bigint,
    price_max_cents  bigint,
    duration_min_minutes integer,
    duration_max_minutes integer,
    primary key (offer_id, department_code)
);

create table training_session (
    id              uuid primary key,
    offer_id        uuid         not null references offer on delete cascade,
    start_date      date         not null,
    end_date        date         not null,
    seats           integer      not null,
    place           varchar(250),
    department_code varchar(3),
    remote          boolean      not null,
    status          varchar(12)  not null,
    created_at      timestamptz  not null,
    updated_at      timestamptz  not null,
    version         bigint       not null default 0
);
create index training_session_offer_idx on training_session (offer_id, start_date);

-- Reference: departments and regions (INSEE codes), loaded at start by ReferenceData.
create table region (
    code varchar(3) primary key,
    name varchar(100) not null
);
create table department (
    code        varchar(3) primary key,
    name        varchar(100) not null,
    region_code varchar(3) not null references region
);
