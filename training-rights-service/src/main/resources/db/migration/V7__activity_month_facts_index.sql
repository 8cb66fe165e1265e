-- The yearly run reads a chunk's year of declared months (YearlyActivity.MONTHS: by year and holder, grouped by
-- status and unit of time). A holder's months are declared month after month, so they sit in twelve different heap
-- pages: a chunk of 2 000 holders read ~18 000 pages. Covering the query (key in its grouping order, the summed
-- columns included) makes it an index-only scan of a few hundred contiguous pages, with no sort: ~220 ms → ~30 ms
-- a chunk on the benchmark's million holders. It replaces the index on (year, holder_id), its prefix.
create index activity_month_year_facts on activity_month (year, holder_id, status, time_unit)
    include (category, paid_time, reference_time, gross_pay_cents, absence_minutes);
drop index activity_month_year;
