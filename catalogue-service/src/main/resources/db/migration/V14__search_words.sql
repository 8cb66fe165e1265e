-- The words of the listed offers' titles (folded: lower case, no accents), for correcting typos.
--
-- When a search's words match nothing, each word that matches no offer by itself is replaced by the
-- closest title word by trigrams, and the full-text search runs again with the corrected words. Before,
-- the typo-tolerant search compared the query with every candidate title by word_similarity: a typo of
-- a common word ("managment") had 4 000 candidates to check twice, 134 ms over 200 000 offers; the
-- closest of ~7 500 words is found in a few milliseconds (the approach of pg_trgm's documentation,
-- "Text Search Integration").
--
-- Words are added with the search rows that carry them and never removed: the search tries the closest
-- few words and keeps the first that still matches an offer.
--
-- No unique key, on purpose: the words are written in the transactions that write offers (an import's
-- batch of 500, a publication, an organisation's reactivation), and a unique key would make one wait for
-- another that inserted the same new word, and two of them deadlock by inserting two new words in
-- opposite orders. A word is inserted only when absent, so a duplicate needs two transactions adding the
-- same new word at the same moment: rare, and harmless to a look-up that takes the closest word.
create table search_word (
    word text not null
);
create index search_word_word_idx on search_word (word);
create index search_word_trgm_idx on search_word using gin (word gin_trgm_ops);

insert into search_word (word)
select distinct t.word
from offer_search s
cross join lateral unnest(tsvector_to_array(to_tsvector('simple', s.title_folded))) as t(word)
where s.first_area and length(t.word) >= 3;

-- per statement, from the rows it inserted: an offer's refresh (each offer written through the API or by
-- an import), or all the offers of an organisation reactivated
create function search_word_on_insert() returns trigger
    language plpgsql
    as $$
begin
    insert into search_word (word)
    select distinct t.word
    from new_rows s
    cross join lateral unnest(tsvector_to_array(to_tsvector('simple', s.title_folded))) as t(word)
    where s.first_area and length(t.word) >= 3
      and not exists (select 1 from search_word w where w.word = t.word);
    return null;
end
$$;

create trigger search_word_insert after insert on offer_search
    referencing new table as new_rows
    for each statement execute function search_word_on_insert();

-- Whether a listed offer matches, always through the words' GIN index: planned inline, an exists () expects an
-- early match in a scan of every row and, for a word of no offer, reads all of them (200 000: ~200 ms). A SQL
-- function with a setting is not inlined, and its query is planned with the setting.
create function offer_search_matches(q tsquery) returns boolean
    language sql stable
    set enable_seqscan = off
    as $$ select exists (select 1 from offer_search o where o.search_vector @@ q) $$;

analyze search_word;
