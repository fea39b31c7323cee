-- Certificates (修了証 for students, 活動証明書 for mentors): what was achieved, frozen when the certificate was
-- issued, so a printed copy and its verification page always agree. Anyone with the code sees the certificate's own
-- facts on /certificates/<code>, and nothing else about its holder; the code is 128 random bits (26 base32
-- characters), so certificates cannot be found by guessing. A coordinator may revoke one; issuing again (another
-- name, later facts) replaces the holder's valid certificate for the same achievement.
create table public.certificates (
	id uuid primary key default gen_random_uuid(),
	code text not null unique check (code ~ '^[a-z2-7]{26}$'),
	user_id uuid references public.users (id) on delete set null,
	kind text not null check (kind in ('track', 'school_year', 'mentor_year')),
	-- The track's id, or the school year (April to March in Japan) as its first calendar year.
	subject text not null check (char_length(subject) between 1 and 40),
	holder_name text not null check (char_length(holder_name) between 1 and 100),
	name_choice text not null check (name_choice in ('nickname', 'full_name')),
	facts jsonb not null,
	issued_at timestamptz not null default now(),
	revoked_at timestamptz,
	revoked_by uuid references public.users (id) on delete set null,
	revocation_reason text check (char_length(revocation_reason) <= 500),
	replaced_by uuid references public.certificates (id) on delete set null,
	check (revoked_at is not null or (revocation_reason is null and replaced_by is null))
);

-- One valid certificate per holder and achievement; also the index behind the holder's list.
create unique index certificates_valid_key on public.certificates (user_id, kind, subject) where revoked_at is null;
create index certificates_user_idx on public.certificates (user_id, issued_at desc);
create index certificates_issued_idx on public.certificates (issued_at desc);
create index certificates_revoked_by_idx on public.certificates (revoked_by);
create index certificates_replaced_by_idx on public.certificates (replaced_by);

-- Revoking certificates and downloading partner organisations' activity reports are audited. The allowed actions are
-- read back from the constraint and extended, so that this migration keeps
-- whatever actions other migrations added before it.
do $$
declare
	allowed text[];
begin
	-- The constraint reads either `action = ANY (ARRAY['a'::text, …])` or, once a migration like this one has rewritten
	-- it, `action = ANY ('{a,b,…}'::text[])`: every quoted string, split at commas without its braces, is an action.
	select array_agg(distinct word) into allowed
	from pg_constraint,
		regexp_matches(pg_get_constraintdef(pg_constraint.oid), '''([^'']*)''', 'g') as quoted,
		regexp_split_to_table(trim(both '{}' from quoted[1]), ',') as word
	where pg_constraint.conname = 'audit_events_action_check' and pg_constraint.conrelid = 'public.audit_events'::regclass;
	if coalesce(array_length(allowed, 1), 0) < 20 then
		raise exception 'audit_events_action_check not read back: %', allowed;
	end if;
	alter table public.audit_events drop constraint audit_events_action_check;
	execute format('alter table public.audit_events add constraint audit_events_action_check check (action = any (%L::text[]))',
		array(select distinct unnest(allowed || array['certificate_revoked', 'organisation_report_exported']) order by 1));
end;
$$;

-- Row-level security on, no policy, no privileges for Supabase's API roles (see 20261130090000_row_level_security.sql).
alter table public.certificates enable row level security;
revoke all on public.certificates from anon, authenticated;
