-- An employer lists the payslips an establishment sent, newest month first.
create index payslip_siret on payslip (siret, period desc, uploaded_at desc);
