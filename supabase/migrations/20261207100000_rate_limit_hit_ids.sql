-- Each hit gets an id, so that an attempt counted before it is checked (a login, a mail form) can be taken back
-- when it turns out not to be one that the limit is about (a successful login).
alter table public.rate_limit_hits add column id bigint generated always as identity;
alter table public.rate_limit_hits add primary key (id);
revoke all on all sequences in schema public from anon, authenticated;
