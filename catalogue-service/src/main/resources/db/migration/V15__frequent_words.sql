-- Searches for one frequent word read its offers in rank order from a list kept for that word, instead of
-- ranking every offer that holds it.
--
-- A full-text search finds its matches through the GIN index, then visits each matching search row to rank
-- it and read its facet key: about 3 µs a match, so a word held by many offers is slow however few rows the
-- answer shows ("management": 6 890 offers of 200 000, ~20 ms; "métier", in every generated offer: ~400 ms).
-- For the words held by at least a configured number of listed offers (frequent_word), each listed offer
-- that holds the word has a row here (frequent_word_offer) with its rank for that word alone, its facet key
-- and its price. A one-word search then reads its page from the start of an index in rank order, and its
-- total and facets from the same index alone: the search engines' precomputed lists for frequent terms.
--
-- The ranks are those the full-text search computes: ts_rank of the offer's vector for the one-word query
-- (a one-word search's query is that word's lexeme), stored as the same real.
--
-- Kept with the search rows, in the same transactions: the search rows are only ever deleted and inserted
-- (V10), an offer's rows all together, so per statement the lists lose the offers whose rows were deleted
-- and gain those inserted. A later migration that updates search rows in place (as V13 did, with
-- offer_search_no_update off) must rewrite the lists too (price, facet key, rank). Words become frequent (or stop being so) only through frequent_words_refresh,
-- which takes the words from the search rows with every other writer of them held off.
create table frequent_word (
    lexeme text primary key,
    -- listed offers holding it when last counted
    offers integer not null,
    counted_at timestamptz not null default now()
);

create table frequent_word_offer (
    lexeme text not null,
    offer_id uuid not null,
    rank real not null,
    facet integer not null,
    price_min_cents bigint,
    primary key (offer_id, lexeme)
);
-- a page is the start of the word's offers in rank order (ties by id, as the full-text search orders
-- them); the total and the facets read every entry of the word, from this index alone
create index frequent_word_offer_rank_idx on frequent_word_offer (lexeme, rank desc, offer_id)
    include (facet, price_min_cents);

-- the query of a single lexeme, as websearch_to_tsquery gives it for a one-word search
create function frequent_word_query(p_lexeme text) returns tsquery
    language sql immutable strict
    as $$ select format('''%s''', replace(p_lexeme, '''', ''''''))::tsquery $$;

create function frequent_word_on_insert() returns trigger
    language plpgsql
    as $$
begin
    insert into frequent_word_offer (lexeme, offer_id, rank, facet, price_min_cents)
    select w.lexeme, s.offer_id, ts_rank(s.search_vector, frequent_word_query(w.lexeme)), s.facet, s.price_min_cents
    from new_rows s
    cross join lateral unnest(tsvector_to_array(s.search_vector)) as l(lexeme)
    join frequent_word w on w.lexeme = l.lexeme
    where s.first_area;
    return null;
end
$$;

create function frequent_word_on_delete() returns trigger
    language plpgsql
    as $$
begin
    delete from frequent_word_offer p using old_rows s where s.first_area and p.offer_id = s.offer_id;
    return null;
end
$$;

create trigger frequent_word_insert after insert on offer_search
    referencing new table as new_rows
    for each statement execute function frequent_word_on_insert();
create trigger frequent_word_delete after delete on offer_search
    referencing old table as old_rows
    for each statement execute function frequent_word_on_delete();

-- The words held by at least p_min_offers listed offers, and by at most p_max_share of them, become
-- frequent, with their lists; the others stop being so. Words held by most offers ("métier", "compétence" in
-- every generated offer) are left to the full-text search: their lists would be nearly the whole catalogue
-- each, for searches that hardly narrow it. The lock holds off every writer of search rows, and any other
-- choice (replicas at start or at night, an import's end), until the end of the transaction, so that no offer
-- is written between the words' choice and their lists; readers go on. It is not waited for more than 5 s
-- (a writer in a long transaction): the choice fails, the words and lists of the last one stay, and writers
-- do not queue behind a waiting choice. Returns the number of frequent words.
create function frequent_words_refresh(p_min_offers integer, p_max_share real) returns integer
    language plpgsql
    set lock_timeout = '5s'
    as $$
declare
    v_listed bigint;
    v_count integer;
begin
    lock table offer_search in share row exclusive mode;
    select count(*) into v_listed from offer_search where first_area;
    drop table if exists pg_temp.frequent_word_chosen;
    create temporary table frequent_word_chosen on commit drop as
        select word as lexeme, ndoc as offers
        from ts_stat('select search_vector from offer_search where first_area')
        where ndoc >= p_min_offers and ndoc <= p_max_share * v_listed;
    delete from frequent_word_offer p
    where not exists (select 1 from frequent_word_chosen c where c.lexeme = p.lexeme);
    delete from frequent_word w
    where not exists (select 1 from frequent_word_chosen c where c.lexeme = w.lexeme);
    update frequent_word w set offers = c.offers, counted_at = now()
    from frequent_word_chosen c where c.lexeme = w.lexeme;
    delete from frequent_word_chosen c where exists (select 1 from frequent_word w where w.lexeme = c.lexeme);
    insert into frequent_word (lexeme, offers) select lexeme, offers from frequent_word_chosen;
    insert into frequent_word_offer (lexeme, offer_id, rank, facet, price_min_cents)
    select c.lexeme, s.offer_id, ts_rank(s.search_vector, frequent_word_query(c.lexeme)), s.facet, s.price_min_cents
    from offer_search s
    cross join lateral unnest(tsvector_to_array(s.search_vector)) as l(lexeme)
    join frequent_word_chosen c on c.lexeme = l.lexeme
    where s.first_area;
    select count(*) into v_count from frequent_word;
    return v_count;
end
$$;
