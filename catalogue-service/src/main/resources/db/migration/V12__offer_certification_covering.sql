-- Offers leading to a job through their certification (the jobs page, the recommendations) are found from
-- certification_job's codes; a popular job has thousands of them (H1206: 1 815 certifications, 14 000
-- offers over 200 000). With the offer's id in the index those ids come from the index alone instead of
-- a read of each offer's row (or PostgreSQL preferring a scan of every offer: ~300 ms); the new index
-- serves every look-up by certification code the old one did.
create index offer_certification_id_idx on offer (certification_code) include (id);
drop index offer_certification_idx;
