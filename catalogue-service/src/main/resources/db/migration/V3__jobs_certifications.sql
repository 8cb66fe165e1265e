-- Jobs (ROME 4.0 of France Travail), certifications (RNCP register of France compétences) and the
-- RNCP -> ROME links, loaded at start by ReferenceData from the files under reference/.

create table job (
    rome_code                 varchar(5) primary key,
    title                     varchar(250) not null,
    grand_domaine_code        varchar(1)   not null,
    grand_domaine_title       varchar(250) not null,
    domaine_code              varchar(3)   not null,
    domaine_title             varchar(250) not null,
    -- title and alternative titles (appellations), accents ignored
    search_vector             tsvector
);
create index job_search_idx on job using gin (search_vector);

create table job_title (
    ogr_code  varchar(10) primary key,
    rome_code varchar(5)   not null references job,
    title     varchar(300) not null
);
create index job_title_rome_idx on job_title (rome_code);
create index job_title_trgm_idx on job_title using gin (catalogue_fold(title) gin_trgm_ops);

create table certification (
    code      varchar(20) primary key,
    type      varchar(8)   not null,
    title     text         not null,
    active    boolean      not null,
    level     varchar(20),
    kind      varchar(150)
);

create table certification_job (
    certification_code varchar(20) not null,
    rome_code          varchar(5)  not null references job,
    primary key (certification_code, rome_code)
);
create index certification_job_rome_idx on certification_job (rome_code);

-- Which version of each reference file is loaded, so that a restart reloads nothing.
create table reference_load (
    name      varchar(60) primary key,
    checksum  varchar(64) not null,
    rows      integer     not null,
    loaded_at timestamptz not null
);
