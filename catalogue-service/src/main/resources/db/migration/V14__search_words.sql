-- The words of the listed offers' titles (folded: lower case, no accents), for correcting typos.
--
-- When a search's words match nothing, each word that matches no offer by itself is replaced by the
-- closest title word by trigrams, and the full-text search runs again with the corrected words. Before,
-- the typo-tolerant search compared the query with every candidate title by word_similarity: a typo of
-- a common word ("managment") had 4 000 candidates to check twice, 134 ms over 200 000 offers; the
-- closest of ~7 500 words is found in a few milliseconds (the approach of pg_trgm's documentation,
-- "Text Search Integration").
--
-- Words are added with the search rows that carry them and never removed: a word whose offers have all
-- left the search corrects to a search that matches nothing, and the trigram search on titles answers.

create table search_word (
    word text primary key
);
create index search_word_trgm_idx on search_word using gin (word gin_trgm_ops);

insert into search_word (word)
select distinct t.word
from offer_search s
cross join lateral unnest(tsvector_to_array(to_tsvector('simple', s.title_folded))) as t(word)
where s.first_area and length(t.word) >= 3;

-- per statement, from the rows it inserted (an offer's refresh, a whole organisation's, an import's batch)
create function search_word_on_insert() returns trigger
    language plpgsql
    as $$
begin
    insert into search_word (word)
    select distinct t.word
    from new_rows s
    cross join lateral unnest(tsvector_to_array(to_tsvector('simple', s.title_folded))) as t(word)
    where s.first_area and length(t.word) >= 3
    on conflict do nothing;
    return null;
end
$$;

create trigger search_word_insert after insert on offer_search
    referencing new table as new_rows
    for each statement execute function search_word_on_insert();

analyze search_word;
