-- The search reads a narrow table instead of the wide offer rows (issue 7, performance): only what the
-- filters, facets and sorts need, one row per searchable offer (published, of an active organisation)
-- and region. Its filters-only searches are index-only scans of covering indexes; its text searches
-- visit rows a fifth of an offer's size. Kept in step by triggers, in the transaction that writes the
-- offer (API, import, sessions' next start) or the organisation's status.

create table offer_search (
    offer_id           uuid         not null,
    -- one row per region of the offer; '' when it has none (remote, nationwide)
    region_code        varchar(3)   not null,
    -- exactly one row per offer has it: a search without a region filter reads only those
    first_area         boolean      not null,
    title              varchar(500) not null,
    certification_type varchar(24)  not null,
    certification_code varchar(20),
    modality           varchar(10)  not null,
    -- every region and department of the offer (facets, department filter)
    region_codes       text[]       not null,
    department_codes   text[]       not null,
    rome_codes         text[]       not null,
    price_min_cents    bigint,
    next_session_start date,
    search_vector      tsvector     not null,
    title_folded       text         not null,
    primary key (offer_id, region_code)
);

-- The rows an offer should have: none unless it is published and its organisation active.
create view offer_search_source as
select o.id as offer_id, r.code as region_code, r.ord = 1 as first_area, o.title, o.certification_type,
       o.certification_code, o.modality, o.region_codes, o.department_codes, o.rome_codes, o.price_min_cents,
       o.next_session_start, o.search_vector, o.title_folded
from offer o
join organisation g on g.id = o.organisation_id
cross join lateral (
    select u.code, min(u.ord) as ord
    from unnest(case when cardinality(o.region_codes) = 0 then array['']::text[] else o.region_codes end)
         with ordinality as u(code, ord)
    group by u.code) r
where o.status = 'PUBLISHED' and g.status = 'ACTIVE';

create function offer_search_refresh(p_offer uuid) returns void
    language sql volatile
    as $$
    delete from offer_search where offer_id = p_offer;
    insert into offer_search select * from offer_search_source where offer_id = p_offer;
    $$;

create function offer_search_on_offer() returns trigger
    language plpgsql
    as $$
begin
    if tg_op = 'DELETE' then
        delete from offer_search where offer_id = old.id;
        return old;
    end if;
    perform offer_search_refresh(new.id);
    return new;
end
$$;

-- only the columns the search reads: a change of updated_at or of the content alone (its vector aside)
-- writes nothing
create trigger offer_search_insert after insert on offer
    for each row execute function offer_search_on_offer();
create trigger offer_search_update after update on offer
    for each row
    when ((old.status, old.organisation_id, old.title, old.certification_type, old.certification_code, old.modality,
           old.region_codes, old.department_codes, old.rome_codes, old.price_min_cents, old.next_session_start,
           old.search_vector, old.title_folded)
          is distinct from
          (new.status, new.organisation_id, new.title, new.certification_type, new.certification_code, new.modality,
           new.region_codes, new.department_codes, new.rome_codes, new.price_min_cents, new.next_session_start,
           new.search_vector, new.title_folded))
    execute function offer_search_on_offer();
create trigger offer_search_delete after delete on offer
    for each row execute function offer_search_on_offer();

create function offer_search_on_organisation() returns trigger
    language plpgsql
    as $$
begin
    delete from offer_search s using offer o where o.organisation_id = new.id and s.offer_id = o.id;
    insert into offer_search
    select v.* from offer_search_source v join offer o on o.id = v.offer_id where o.organisation_id = new.id;
    return new;
end
$$;

-- suspending or reactivating an organisation hides or shows all its offers at once
create trigger offer_search_organisation after update of status on organisation
    for each row when (old.status is distinct from new.status)
    execute function offer_search_on_organisation();

-- Rows of a region next to each other (a region's search reads few pages).
insert into offer_search
select * from offer_search_source order by region_code, certification_type, modality, title;

create index offer_search_vector_idx on offer_search using gin (search_vector);
create index offer_search_title_trgm_idx on offer_search using gin (title_folded gin_trgm_ops);
create index offer_search_department_idx on offer_search using gin (department_codes);
create index offer_search_rome_idx on offer_search using gin (rome_codes);
create index offer_search_certification_idx on offer_search (certification_code);
-- Covering indexes: a search without words counts its total and facets and picks its page from the
-- index alone (index-only scan), with or without a region.
create index offer_search_region_idx on offer_search (region_code, certification_type, modality, price_min_cents)
    include (title, offer_id, next_session_start, region_codes);
create index offer_search_offer_idx on offer_search (certification_type, modality, price_min_cents)
    include (title, offer_id, next_session_start, region_codes) where first_area;
