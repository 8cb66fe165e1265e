-- An employer payroll system may be bound to 200 SIRETs (ClientRegistration.MAX_SIRETS): 200 × 14
-- digits and their separating spaces are 2 999 characters, more than V1's varchar(2000).
alter table oauth_client alter column sirets type text;
