-- The low-qualified and disabled-worker dates given at registration become dated periods: the rules now decide a
-- year's rates from holder_status alone (a period ended in a year no longer counts for later years). A period
-- already recorded from the same start (ended since, through HolderStatusChanged) is kept as it is.
insert into holder_status (holder_id, status, category, valid_from, valid_to)
select holder_id, 'LOW_QUALIFIED', null, low_qualified_from, null from cpf_account where low_qualified_from is not null
on conflict (holder_id, status, valid_from) do nothing;
insert into holder_status (holder_id, status, category, valid_from, valid_to)
select holder_id, 'DISABLED_WORKER', null, disabled_worker_from, null from cpf_account where disabled_worker_from is not null
on conflict (holder_id, status, valid_from) do nothing;
