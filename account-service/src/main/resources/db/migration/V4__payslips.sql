-- Payslips (bulletins de paie dématérialisés), uploaded by the employer, read by the holder or an advisor.
create table payslip (
    id          uuid primary key,
    holder_id   uuid        not null references holder (id),
    siret       text        not null,
    period      text        not null,    -- YYYY-MM
    net_pay     bigint      not null,    -- cents
    gross_pay   bigint      not null,    -- cents
    content     bytea       not null,    -- the PDF, at most 5 MB
    size        int         not null,
    sha256      text        not null,
    uploaded_by text        not null,
    uploaded_at timestamptz not null
);
create index payslip_holder on payslip (holder_id, period desc);
