-- Searches that filter on session dates or sort without words read an index instead of every offer.
--
-- startAfter ("a session starting on or after this day") was an exists () on training_session for each
-- listed offer: a hash join of all 200 000 offers with their sessions, ~420 ms over HTTP whatever the day.
-- An offer has such a session exactly when its last open session starts on or after that day, so each
-- offer now keeps that last start (written with next_session_start, by the same code) and the search rows
-- carry it, indexed.

alter table offer add column last_session_start date;
update offer o set last_session_start = s.last_start
from (select offer_id, max(start_date) as last_start from training_session where status = 'OPEN' group by offer_id) s
where s.offer_id = o.id;

alter table offer_search add column last_session_start date;
-- the search rows are otherwise only deleted and inserted (V10: the counters follow inserts and deletes);
-- this fill changes no counted column
alter table offer_search disable trigger offer_search_no_update;
update offer_search s set last_session_start = o.last_session_start
from offer o where o.id = s.offer_id and o.last_session_start is not null;
alter table offer_search enable trigger offer_search_no_update;

-- the view gains the column at its end (create or replace keeps the others as they are)
create or replace view offer_search_source as
select o.id as offer_id, r.code as region_code, r.ord = 1 as first_area, o.title, o.certification_type,
       o.certification_code, o.modality, o.region_codes, o.department_codes, o.rome_codes, o.price_min_cents,
       o.next_session_start, o.search_vector, o.title_folded, o.last_session_start
from offer o
join organisation g on g.id = o.organisation_id
cross join lateral (
    select u.code, min(u.ord) as ord
    from unnest(case when cardinality(o.region_codes) = 0 then array['']::text[] else o.region_codes end)
         with ordinality as u(code, ord)
    group by u.code) r
where o.status = 'PUBLISHED' and g.status = 'ACTIVE';

create or replace function offer_search_refresh(p_offer uuid) returns void
    language sql volatile
    as $$
    delete from offer_search where offer_id = p_offer;
    insert into offer_search (offer_id, region_code, first_area, title, certification_type, certification_code, modality,
                              region_codes, department_codes, rome_codes, price_min_cents, next_session_start,
                              search_vector, title_folded, last_session_start)
    select offer_id, region_code, first_area, title, certification_type, certification_code, modality, region_codes,
           department_codes, rome_codes, price_min_cents, next_session_start, search_vector, title_folded,
           last_session_start
    from offer_search_source where offer_id = p_offer;
    $$;

create or replace function offer_search_on_organisation() returns trigger
    language plpgsql
    as $$
begin
    delete from offer_search s using offer o where o.organisation_id = new.id and s.offer_id = o.id;
    insert into offer_search (offer_id, region_code, first_area, title, certification_type, certification_code, modality,
                              region_codes, department_codes, rome_codes, price_min_cents, next_session_start,
                              search_vector, title_folded, last_session_start)
    select v.offer_id, v.region_code, v.first_area, v.title, v.certification_type, v.certification_code, v.modality,
           v.region_codes, v.department_codes, v.rome_codes, v.price_min_cents, v.next_session_start, v.search_vector,
           v.title_folded, v.last_session_start
    from offer_search_source v join offer o on o.id = v.offer_id where o.organisation_id = new.id;
    return new;
end
$$;

-- the offer's trigger (V8) also fires when the last start alone changes
drop trigger offer_search_update on offer;
create trigger offer_search_update after update on offer
    for each row
    when ((old.status, old.organisation_id, old.title, old.certification_type, old.certification_code, old.modality,
           old.region_codes, old.department_codes, old.rome_codes, old.price_min_cents, old.next_session_start,
           old.search_vector, old.title_folded, old.last_session_start)
          is distinct from
          (new.status, new.organisation_id, new.title, new.certification_type, new.certification_code, new.modality,
           new.region_codes, new.department_codes, new.rome_codes, new.price_min_cents, new.next_session_start,
           new.search_vector, new.title_folded, new.last_session_start))
    execute function offer_search_on_offer();

-- startAfter: the offers from the index alone, with the facet key their counts need
create index offer_search_last_session_idx on offer_search (last_session_start, offer_id) include (facet)
    where first_area;
-- sort=price and sort=startDate: the first page of an order over every offer (200 000: ~85 ms of sorting)
-- is the start of these indexes; maxPrice reads its offers and their facet keys from the first one
create index offer_search_price_idx on offer_search (price_min_cents, offer_id) include (facet) where first_area;
create index offer_search_next_session_idx on offer_search (next_session_start, offer_id) where first_area;

analyze offer, offer_search;
