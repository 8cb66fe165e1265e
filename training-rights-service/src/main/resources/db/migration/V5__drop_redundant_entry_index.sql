-- cpf_entry_holder (holder_id, line desc) repeated the unique (holder_id, line) index, which PostgreSQL scans
-- backwards just as well for "latest entries first"; every entry paid for both (the yearly run writes millions).
drop index cpf_entry_holder;
