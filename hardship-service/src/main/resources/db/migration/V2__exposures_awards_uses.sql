-- c2p_account.points is the career total of awarded points (sum of c2p_year_award.points).

-- Exposures per holder, year, employer (SIRET) and factor as the employers declared them (ExposureDeclared);
-- a later declaration of the same employer, year, factor and unit replaces the earlier one (annule et remplace).
create table c2p_exposure (
    id                  bigserial primary key,
    holder_id           uuid        not null,
    year                int         not null,
    siret               varchar(14) not null,
    factor              varchar(32) not null,
    unit                varchar(16) not null,
    quantity            bigint      not null,
    months              int         not null,
    declaration_id      uuid        not null,
    declaration_version int         not null,
    declared_at         timestamptz not null,
    constraint c2p_exposure_one_per_contract unique (holder_id, year, siret, factor, unit)
);
create index c2p_exposure_declaration on c2p_exposure (declaration_id);

-- One assessment per holder and closed year: its points and the explanation (one line per rule applied).
create table c2p_year_award (
    holder_id   uuid        not null,
    year        int         not null,
    points      int         not null,
    explanation text        not null,
    assessed_at timestamptz not null,
    primary key (holder_id, year)
);

-- Applied uses of points (refused uses are answered, not stored).
create table c2p_use (
    id           uuid primary key,
    holder_id    uuid        not null,
    use_kind     varchar(16) not null,
    points       int         not null,
    used_on      date        not null,
    amount_cents bigint,
    minutes      bigint,
    quarters     int,
    explanation  text        not null,
    created_at   timestamptz not null
);
create index c2p_use_holder on c2p_use (holder_id, created_at);
