-- CORRECTION entries: a late or corrected declaration for a year already credited by its run appends the
-- (signed) difference between the new computation and what the year gave, with both computations explained.
alter table cpf_entry drop constraint cpf_entry_kind_check;
alter table cpf_entry add constraint cpf_entry_kind_check check (kind in ('ACQUISITION', 'CONVERSION', 'TOP_UP', 'CEC', 'C2P',
    'HOLD', 'CAPTURE', 'RELEASE', 'REFUND', 'CORRECTION'));
create index cpf_entry_holder_year on cpf_entry (holder_id, year) where year is not null;
