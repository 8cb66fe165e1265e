-- A holder's skills profile (free text, ROME and Formacode codes, diplomas, target jobs), as JSON.
create table holder_skills (
    holder_id  uuid primary key references holder (id),
    profile    text        not null,
    updated_at timestamptz not null
);
