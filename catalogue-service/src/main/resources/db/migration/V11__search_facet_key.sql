-- Text searches with thousands of matches (issue 7, performance: "management" matches 6 890 of 200 000
-- offers) spent most of their time reading each match's row, not finding it: counting the facets hashed
-- two strings and an array per match, and every column a search reads lay behind the title. offer_search
-- is rebuilt with
--   * a facet key: one integer per combination of certification type, modality and set of regions, from
--     the dictionary offer_search_facet (a few hundred rows at most), so that a search counts its matches
--     by one integer and reads the values of the few keys it found;
--   * the columns a search reads first: fixed-size ones, then the filters, the words, and the title last.
-- Nothing else changes: the same rows, kept in step by the same triggers (V8–V10), the same counters.

create table offer_search_facet (
    id                 integer generated always as identity primary key,
    certification_type varchar(24) not null,
    modality           varchar(10) not null,
    region_codes       text[]      not null,
    unique (certification_type, modality, region_codes)
);

-- The key of a combination, added the first time an offer has it. Keys are never removed: an unused one
-- is simply never counted.
create function offer_search_facet_id(p_type varchar, p_modality varchar, p_regions text[]) returns integer
    language plpgsql
    as $$
declare
    v_id integer;
begin
    select id into v_id from offer_search_facet
    where certification_type = p_type and modality = p_modality and region_codes = p_regions;
    if v_id is null then
        insert into offer_search_facet (certification_type, modality, region_codes)
        values (p_type, p_modality, p_regions)
        on conflict do nothing
        returning id into v_id;
        -- a concurrent writer added it first: its row is committed once our insert has waited for it
        if v_id is null then
            select id into v_id from offer_search_facet
            where certification_type = p_type and modality = p_modality and region_codes = p_regions;
        end if;
    end if;
    return v_id;
end
$$;

insert into offer_search_facet (certification_type, modality, region_codes)
select distinct certification_type, modality, region_codes from offer_search
order by 1, 2, 3;

alter table offer_search rename to offer_search_v10;

create table offer_search (
    offer_id           uuid         not null,
    -- exactly one row per offer has it: a search without a region filter reads only those
    first_area         boolean      not null,
    -- offer_search_facet.id of (certification_type, modality, region_codes), set on insert
    facet              integer      not null,
    price_min_cents    bigint,
    next_session_start date,
    -- one row per region of the offer; '' when it has none (remote, nationwide)
    region_code        varchar(3)   not null,
    certification_type varchar(24)  not null,
    modality           varchar(10)  not null,
    search_vector      tsvector     not null,
    -- every region and department of the offer (facets, department filter)
    region_codes       text[]       not null,
    department_codes   text[]       not null,
    rome_codes         text[]       not null,
    certification_code varchar(20),
    title              varchar(500) not null,
    title_folded       text         not null,
    primary key (offer_id, region_code)
);

-- Rows of a region next to each other (a region's search reads few pages), as in V8.
insert into offer_search (offer_id, first_area, facet, price_min_cents, next_session_start, region_code,
                          certification_type, modality, search_vector, region_codes, department_codes, rome_codes,
                          certification_code, title, title_folded)
select s.offer_id, s.first_area, f.id, s.price_min_cents, s.next_session_start, s.region_code, s.certification_type,
       s.modality, s.search_vector, s.region_codes, s.department_codes, s.rome_codes, s.certification_code, s.title,
       s.title_folded
from offer_search_v10 s
join offer_search_facet f
  on f.certification_type = s.certification_type and f.modality = s.modality and f.region_codes = s.region_codes
order by s.region_code, s.certification_type, s.modality, s.title;

-- its counters (V10) already count these rows: the old table goes without touching them
drop table offer_search_v10;

create function offer_search_set_facet() returns trigger
    language plpgsql
    as $$
begin
    new.facet := offer_search_facet_id(new.certification_type, new.modality, new.region_codes);
    return new;
end
$$;

create trigger offer_search_facet before insert on offer_search
    for each row execute function offer_search_set_facet();
create trigger offer_search_count_insert after insert on offer_search
    referencing new table as new_rows
    for each statement execute function offer_search_count_on_change();
create trigger offer_search_count_delete after delete on offer_search
    referencing old table as old_rows
    for each statement execute function offer_search_count_on_change();
create trigger offer_search_no_update before update on offer_search
    for each statement execute function offer_search_no_update();

-- The writers name their columns now that the table's order differs from the view's (the trigger sets facet).
create or replace function offer_search_refresh(p_offer uuid) returns void
    language sql volatile
    as $$
    delete from offer_search where offer_id = p_offer;
    insert into offer_search (offer_id, region_code, first_area, title, certification_type, certification_code, modality,
                              region_codes, department_codes, rome_codes, price_min_cents, next_session_start,
                              search_vector, title_folded)
    select offer_id, region_code, first_area, title, certification_type, certification_code, modality, region_codes,
           department_codes, rome_codes, price_min_cents, next_session_start, search_vector, title_folded
    from offer_search_source where offer_id = p_offer;
    $$;

create or replace function offer_search_on_organisation() returns trigger
    language plpgsql
    as $$
begin
    delete from offer_search s using offer o where o.organisation_id = new.id and s.offer_id = o.id;
    insert into offer_search (offer_id, region_code, first_area, title, certification_type, certification_code, modality,
                              region_codes, department_codes, rome_codes, price_min_cents, next_session_start,
                              search_vector, title_folded)
    select v.offer_id, v.region_code, v.first_area, v.title, v.certification_type, v.certification_code, v.modality,
           v.region_codes, v.department_codes, v.rome_codes, v.price_min_cents, v.next_session_start, v.search_vector,
           v.title_folded
    from offer_search_source v join offer o on o.id = v.offer_id where o.organisation_id = new.id;
    return new;
end
$$;

-- The indexes of V8 and V10, unchanged.
create index offer_search_vector_idx on offer_search using gin (search_vector);
create index offer_search_title_trgm_idx on offer_search using gin (title_folded gin_trgm_ops);
create index offer_search_department_idx on offer_search using gin (department_codes);
create index offer_search_rome_idx on offer_search using gin (rome_codes);
create index offer_search_certification_idx on offer_search (certification_code);
create index offer_search_region_idx on offer_search (region_code, certification_type, modality, price_min_cents)
    include (title, offer_id, next_session_start, region_codes);
create index offer_search_offer_idx on offer_search (certification_type, modality, price_min_cents)
    include (title, offer_id, next_session_start, region_codes) where first_area;
create index offer_search_region_title_idx on offer_search (region_code, title, offer_id)
    include (certification_type, modality);
create index offer_search_title_idx on offer_search (title, offer_id)
    include (certification_type, modality) where first_area;

analyze offer_search;
