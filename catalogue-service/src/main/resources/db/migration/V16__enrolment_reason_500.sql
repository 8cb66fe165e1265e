-- An organisation's refusal or a cancellation may give its reason in up to 500 characters (EnrolmentApi's
-- ReasonRequest and CancelRequest); the column of V7 held 100, so a longer reason failed on insert (500).
-- Widening a varchar rewrites no row.
alter table enrolment alter column reason type varchar(500);
