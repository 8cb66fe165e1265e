-- Searches without words whose filters are only region, certification type and modality (issue 7,
-- performance: "facets" of the benchmark, browsing a region) no longer count thousands of offers per
-- request: their total and facets are sums over this summary of offer_search, a few hundred rows at most
-- (one per combination of the searched row's region, type, modality and the offer's set of regions), and
-- their first page is read in title order from an index instead of sorting every match.

create table offer_search_count (
    region_code        varchar(3)  not null,
    first_area         boolean     not null,
    certification_type varchar(24) not null,
    modality           varchar(10) not null,
    region_codes       text[]      not null,
    -- how many offer_search rows have these values; a row reaching 0 is deleted, so a facet value is
    -- listed only when some offer has it
    n                  bigint      not null,
    primary key (region_code, first_area, certification_type, modality, region_codes)
);

-- Kept in step with offer_search by statement triggers, in the writer's transaction (offer_search rows
-- are only inserted and deleted: offer_search_refresh deletes then inserts). A statement adds its rows
-- grouped by key and in key order, so concurrent writers lock the counters they share in the same order.
-- A counter stays locked until its writer commits: writers of offers with the same region, type and
-- modality queue behind each other (fine at the catalogue's write rate).
create function offer_search_count_on_change() returns trigger
    language plpgsql
    as $$
begin
    if tg_op = 'DELETE' then
        insert into offer_search_count as c (region_code, first_area, certification_type, modality, region_codes, n)
        select region_code, first_area, certification_type, modality, region_codes, -count(*)
        from old_rows group by 1, 2, 3, 4, 5 order by 1, 2, 3, 4, 5
        on conflict (region_code, first_area, certification_type, modality, region_codes)
            do update set n = c.n + excluded.n;
        delete from offer_search_count where n = 0;
    else
        insert into offer_search_count as c (region_code, first_area, certification_type, modality, region_codes, n)
        select region_code, first_area, certification_type, modality, region_codes, count(*)
        from new_rows group by 1, 2, 3, 4, 5 order by 1, 2, 3, 4, 5
        on conflict (region_code, first_area, certification_type, modality, region_codes)
            do update set n = c.n + excluded.n;
    end if;
    return null;
end
$$;

create trigger offer_search_count_insert after insert on offer_search
    referencing new table as new_rows
    for each statement execute function offer_search_count_on_change();
create trigger offer_search_count_delete after delete on offer_search
    referencing old table as old_rows
    for each statement execute function offer_search_count_on_change();
-- rows are never updated in place (see above); an update would leave the counts wrong, so refuse it
create function offer_search_no_update() returns trigger
    language plpgsql
    as $$
begin
    raise exception 'offer_search rows are deleted and inserted, not updated (offer_search_count counts them)';
end
$$;
create trigger offer_search_no_update before update on offer_search
    for each statement execute function offer_search_no_update();

insert into offer_search_count
select region_code, first_area, certification_type, modality, region_codes, count(*)
from offer_search group by 1, 2, 3, 4, 5;

-- The first page of such a search in title order (its relevance order without words), read from the
-- start of an index instead of sorting all the region's offers; type and modality filter in the index.
create index offer_search_region_title_idx on offer_search (region_code, title, offer_id)
    include (certification_type, modality);
create index offer_search_title_idx on offer_search (title, offer_id)
    include (certification_type, modality) where first_area;
