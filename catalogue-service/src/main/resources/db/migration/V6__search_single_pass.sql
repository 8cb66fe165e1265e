-- The search no longer joins every organisation to hide a suspended one's offers: it anti-joins the
-- few suspended organisations through this partial index (empty when every organisation is active).
create index organisation_inactive_idx on organisation (id) where status <> 'ACTIVE';
