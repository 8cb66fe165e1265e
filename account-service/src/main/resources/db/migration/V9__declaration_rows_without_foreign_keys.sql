-- Declaration rows are bulk-loaded with COPY (up to 50 000 per declaration). Their foreign keys cost a
-- trigger check per row and per key — most of the load time in the payroll benchmark. Both references
-- hold by construction: DeclarationStore writes these rows only in the transaction that inserts their
-- declaration and finds or creates their holders, and neither declarations nor holders are ever deleted.
alter table declaration_employee drop constraint if exists declaration_employee_declaration_id_fkey;
alter table declaration_employee drop constraint if exists declaration_employee_holder_id_fkey;
alter table declaration_exposure drop constraint if exists declaration_exposure_declaration_id_fkey;
alter table declaration_exposure drop constraint if exists declaration_exposure_holder_id_fkey;
