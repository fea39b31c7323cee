-- Membership: applications with guardian consent, members (with or without a portal account), their dated status
-- history and notes, the membership target, and the audit log of coordinators' access to personal data.
-- Dates people see (join dates, status dates) are Japan dates (Asia/Tokyo), stored as `date`.

create table public.member_applications (
	id uuid primary key default gen_random_uuid(),
	user_id uuid references public.users (id) on delete set null,
	status text not null default 'awaiting_consent'
		check (status in ('awaiting_consent', 'consent_declined', 'awaiting_review', 'approved', 'rejected', 'cancelled')),
	-- Personal fields are null once anonymised on the person's request.
	nickname text check (char_length(nickname) between 1 and 40),
	full_name text check (char_length(full_name) between 1 and 100),
	school_code text check (char_length(school_code) between 1 and 40),
	school_other text check (char_length(school_other) between 1 and 100),
	grade text check (grade in ('jh1', 'jh2', 'jh3', 'hs1', 'hs2', 'hs3', 'other')),
	gender text check (gender in ('female', 'male', 'other', 'unanswered')),
	guardian_name text check (char_length(guardian_name) between 1 and 100),
	guardian_email text check (char_length(guardian_email) between 3 and 254),
	-- The version of the privacy statement the applicant read; the guardian consents to the same one.
	statement_version text not null,
	locale text not null default 'ja' check (locale in ('ja', 'en')),
	created_at timestamptz not null default now(),
	consent_decided_at timestamptz,
	reviewed_at timestamptz,
	reviewed_by uuid references public.users (id) on delete set null,
	rejection_reason text check (char_length(rejection_reason) between 1 and 500),
	anonymised_at timestamptz,
	check (status <> 'rejected' or rejection_reason is not null or anonymised_at is not null)
);
-- One open application per person.
create unique index member_applications_open_key on public.member_applications (user_id)
	where status in ('awaiting_consent', 'awaiting_review');
create index member_applications_status_idx on public.member_applications (status, created_at);
create index member_applications_user_idx on public.member_applications (user_id, created_at desc);

-- Single-use links mailed to the guardian; only a hash of the token is kept.
create table public.guardian_consent_links (
	token_hash bytea primary key,
	application_id uuid not null references public.member_applications (id) on delete cascade,
	created_at timestamptz not null default now(),
	expires_at timestamptz not null,
	used_at timestamptz
);
create index guardian_consent_links_application_idx on public.guardian_consent_links (application_id);

-- Readable member numbers KIB-<join year>-<0001..>: one counter row per year, bumped atomically.
create table public.member_number_counters (
	year integer primary key check (year between 2000 and 2999),
	last_number integer not null check (last_number between 0 and 9999)
);

create table public.members (
	id uuid primary key default gen_random_uuid(),
	member_number text not null unique check (member_number ~ '^KIB-[0-9]{4}-[0-9]{4}$'),
	-- Historic members imported from the old roster may have no portal account.
	user_id uuid unique references public.users (id) on delete set null,
	application_id uuid unique references public.member_applications (id) on delete set null,
	source text not null check (source in ('application', 'import')),
	-- Personal fields: null once anonymised (the membership itself keeps counting).
	nickname text check (char_length(nickname) between 1 and 40),
	full_name text check (char_length(full_name) between 1 and 100),
	school_code text check (char_length(school_code) between 1 and 40),
	school_other text check (char_length(school_other) between 1 and 100),
	-- The grade as recorded, and the Japanese school year (April to March) it was recorded in, so that
	-- today's grade can be derived as the years pass.
	grade text check (grade in ('jh1', 'jh2', 'jh3', 'hs1', 'hs2', 'hs3', 'other')),
	grade_school_year integer check (grade_school_year between 2000 and 2999),
	gender text check (gender in ('female', 'male', 'other', 'unanswered')),
	guardian_name text check (char_length(guardian_name) between 1 and 100),
	guardian_email text check (char_length(guardian_email) between 3 and 254),
	joined_on date not null,
	status text not null default 'active' check (status in ('active', 'paused', 'alumni', 'withdrawn')),
	status_changed_on date not null,
	-- A one-way fingerprint of an imported row (normalised name + join date), so re-importing a file is a no-op
	-- and does not bring back a person who was anonymised.
	import_fingerprint text unique,
	deletion_requested_at timestamptz,
	anonymised_at timestamptz,
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now(),
	check (status_changed_on >= joined_on),
	check ((grade is null) = (grade_school_year is null))
);
-- The dashboard groups and filters by these.
create index members_joined_on_idx on public.members (joined_on);
create index members_status_idx on public.members (status, joined_on);
create index members_school_idx on public.members (school_code, status);
create index members_deletion_requested_idx on public.members (deletion_requested_at)
	where deletion_requested_at is not null and anonymised_at is null;

create table public.member_status_changes (
	id bigint generated always as identity primary key,
	member_id uuid not null references public.members (id) on delete cascade,
	status text not null check (status in ('active', 'paused', 'alumni', 'withdrawn')),
	changed_on date not null,
	reason text check (char_length(reason) <= 500),
	changed_by uuid references public.users (id) on delete set null,
	created_at timestamptz not null default now()
);
create index member_status_changes_member_idx on public.member_status_changes (member_id, changed_on, id);

create table public.member_notes (
	id bigint generated always as identity primary key,
	member_id uuid not null references public.members (id) on delete cascade,
	author_id uuid references public.users (id) on delete set null,
	body text not null check (char_length(body) between 1 and 2000),
	created_at timestamptz not null default now()
);
create index member_notes_member_idx on public.member_notes (member_id, created_at desc);

-- The number the city monitors: cumulative members, against a target coordinators can edit. One row.
create table public.membership_target (
	singleton boolean primary key default true check (singleton),
	target_count integer not null check (target_count between 1 and 100000),
	target_date date not null,
	-- Where the target line starts: the cumulative count at this date (the city's baseline, 63 members in 2023).
	baseline_date date not null,
	updated_at timestamptz not null default now(),
	updated_by uuid references public.users (id) on delete set null
);
insert into public.membership_target (target_count, target_date, baseline_date) values (160, date '2027-12-31', date '2023-12-31');

-- Who looked at or exported personal data, and what coordinators changed. Append-only: no update or delete.
-- actor_id / member_id carry no foreign key, so that removing an account never rewrites history.
create table public.audit_events (
	id bigint generated always as identity primary key,
	actor_id uuid,
	actor_name text not null,
	action text not null check (action in (
		'member_viewed', 'members_exported', 'kpi_exported', 'application_viewed', 'application_approved',
		'application_rejected', 'member_status_changed', 'member_note_added', 'member_anonymised',
		'roster_imported', 'target_changed', 'own_data_exported', 'deletion_requested'
	)),
	member_id uuid,
	detail jsonb not null default '{}'::jsonb,
	created_at timestamptz not null default now()
);
-- Read newest first (by id, which follows insertion) for everyone, one action, or one member.
create index audit_events_member_idx on public.audit_events (member_id, id desc) where member_id is not null;
create index audit_events_action_idx on public.audit_events (action, id desc);

create function public.audit_events_append_only() returns trigger language plpgsql as $$
begin
	raise exception 'audit_events is append-only';
end;
$$;
create trigger audit_events_append_only before update or delete on public.audit_events
	for each row execute function public.audit_events_append_only();
