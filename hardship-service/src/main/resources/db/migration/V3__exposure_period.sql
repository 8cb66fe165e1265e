-- A declaration replaces the previous versions of the same SIRET and month ("annule et remplace"): the
-- month is kept with each factor, so that a version's set replaces its predecessor's in one step, and so
-- that a contract ending in June and another of the same establishment declared in December stay two.
-- Rows of events that did not carry the month keep null, one per holder, year, SIRET, factor and unit.
alter table c2p_exposure add column period varchar(7);
alter table c2p_exposure drop constraint c2p_exposure_one_per_contract;
alter table c2p_exposure add constraint c2p_exposure_one_per_declaration
    unique nulls not distinct (holder_id, year, siret, period, factor, unit);
