-- Mentoring: partner organisations, mentor applications and approved mentors; club sessions (活動日) with student
-- RSVPs, a first-come-first-served waitlist, mentor sign-ups and attendance; personal calendar feeds; in-app
-- notifications with per-kind mail preferences. Times are timestamptz; people see them in Japan time (Asia/Tokyo).

-- Universities, companies and other groups mentors come from. Archived, never deleted, so history keeps its names.
create table public.partner_organisations (
	id uuid primary key default gen_random_uuid(),
	name text not null check (char_length(name) between 1 and 100),
	kind text not null check (kind in ('university', 'company', 'other')),
	website text check (website ~ '^https?://' and char_length(website) <= 300),
	archived_at timestamptz,
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now()
);
create unique index partner_organisations_name_key on public.partner_organisations (lower(name));

create table public.mentor_applications (
	id uuid primary key default gen_random_uuid(),
	user_id uuid references public.users (id) on delete set null,
	status text not null default 'awaiting_review' check (status in ('awaiting_review', 'approved', 'rejected', 'withdrawn')),
	full_name text not null check (char_length(full_name) between 1 and 100),
	-- A partner organisation, or the name of another one typed in.
	organisation_id uuid references public.partner_organisations (id),
	organisation_other text check (char_length(organisation_other) between 1 and 100),
	affiliation text not null check (affiliation in ('faculty', 'university_student', 'company_engineer', 'other')),
	affiliation_detail text check (char_length(affiliation_detail) between 1 and 100),
	languages text[] not null default '{}',
	topics text[] not null default '{}',
	skills_note text check (char_length(skills_note) between 1 and 500),
	availability text[] not null default '{}',
	availability_note text check (char_length(availability_note) between 1 and 500),
	motivation text not null check (char_length(motivation) between 1 and 2000),
	-- The version of the code of conduct the applicant read in full and agreed to.
	code_of_conduct_version text not null,
	locale text not null default 'ja' check (locale in ('ja', 'en')),
	created_at timestamptz not null default now(),
	reviewed_at timestamptz,
	reviewed_by uuid references public.users (id) on delete set null,
	rejection_reason text check (char_length(rejection_reason) between 1 and 500),
	check ((organisation_id is null) <> (organisation_other is null)),
	check (status <> 'rejected' or rejection_reason is not null)
);
-- One open application per person.
create unique index mentor_applications_open_key on public.mentor_applications (user_id) where status = 'awaiting_review';
create index mentor_applications_status_idx on public.mentor_applications (status, created_at);
create index mentor_applications_user_idx on public.mentor_applications (user_id, created_at desc);

-- Approved mentors and where they come from. Access itself is the `mentor` role in user_roles: deactivating revokes
-- it, so the very next request is refused.
create table public.mentors (
	user_id uuid primary key references public.users (id) on delete cascade,
	application_id uuid references public.mentor_applications (id) on delete set null,
	organisation_id uuid references public.partner_organisations (id),
	organisation_other text check (char_length(organisation_other) between 1 and 100),
	affiliation text not null check (affiliation in ('faculty', 'university_student', 'company_engineer', 'other')),
	approved_at timestamptz not null default now(),
	approved_by uuid references public.users (id) on delete set null,
	deactivated_at timestamptz,
	deactivated_by uuid references public.users (id) on delete set null,
	deactivation_reason text check (char_length(deactivation_reason) between 1 and 500)
);
create index mentors_organisation_idx on public.mentors (organisation_id);

-- Club sessions (活動日). "club_" tells them apart from login sessions.
create table public.club_sessions (
	id uuid primary key default gen_random_uuid(),
	title text not null check (char_length(title) between 1 and 100),
	starts_at timestamptz not null,
	ends_at timestamptz not null,
	venue text check (char_length(venue) between 1 and 200),
	online_url text check (online_url ~ '^https?://' and char_length(online_url) <= 500),
	-- Seats for students; mentors are not counted against it.
	capacity integer not null check (capacity between 1 and 1000),
	mentors_needed integer not null default 0 check (mentors_needed between 0 and 100),
	notes text check (char_length(notes) between 1 and 2000),
	created_by uuid references public.users (id) on delete set null,
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now(),
	cancelled_at timestamptz,
	check (ends_at > starts_at),
	check (venue is not null or online_url is not null)
);
create index club_sessions_starts_at_idx on public.club_sessions (starts_at);

-- Who comes: students (confirmed or waitlisted, within capacity) and mentors (confirmed). Every change to a
-- session's participants happens under a row lock on its club_sessions row, so capacity is never overfilled.
create table public.session_participants (
	id bigint generated always as identity primary key,
	session_id uuid not null references public.club_sessions (id) on delete cascade,
	user_id uuid not null references public.users (id) on delete cascade,
	role text not null check (role in ('student', 'mentor')),
	status text not null check (status in ('confirmed', 'waitlisted', 'cancelled')),
	-- Waitlist order, first come first served; answering again after cancelling goes to the back.
	queued_at timestamptz not null default now(),
	confirmed_at timestamptz,
	cancelled_at timestamptz,
	-- Set once the day-before reminder was sent, so the reminder job never sends it twice.
	reminded_at timestamptz,
	checked_in_at timestamptz,
	checked_in_by uuid references public.users (id) on delete set null,
	unique (session_id, user_id),
	check (role = 'student' or status <> 'waitlisted')
);
create index session_participants_waitlist_idx on public.session_participants (session_id, queued_at, id) where status = 'waitlisted';
create index session_participants_user_idx on public.session_participants (user_id, session_id);
create index session_participants_unreminded_idx on public.session_participants (session_id) where status = 'confirmed' and reminded_at is null;

-- A personal iCalendar feed: the URL holds a random token; only its SHA-256 is kept.
create table public.calendar_feeds (
	user_id uuid primary key references public.users (id) on delete cascade,
	token_hash bytea not null unique,
	created_at timestamptz not null default now(),
	last_fetched_at timestamptz
);

-- In-app notifications. `kind` is checked by the code (notifications/kinds.ts), so that a new kind (reviews) needs
-- no migration; `payload` holds what is needed to write the text in the reader's language when it is shown.
create table public.notifications (
	id bigint generated always as identity primary key,
	user_id uuid not null references public.users (id) on delete cascade,
	kind text not null check (char_length(kind) between 1 and 40),
	payload jsonb not null default '{}'::jsonb,
	created_at timestamptz not null default now(),
	read_at timestamptz
);
create index notifications_user_idx on public.notifications (user_id, id desc);
create index notifications_unread_idx on public.notifications (user_id) where read_at is null;

-- Which notifications also come by mail. No row: the kind's default (notifications/kinds.ts).
create table public.notification_preferences (
	user_id uuid not null references public.users (id) on delete cascade,
	kind text not null check (char_length(kind) between 1 and 40),
	mail boolean not null,
	updated_at timestamptz not null default now(),
	primary key (user_id, kind)
);

-- Coordinators' views and changes of mentors' personal data, and attendance exports, are audited too.
alter table public.audit_events drop constraint audit_events_action_check;
alter table public.audit_events add constraint audit_events_action_check check (action in (
	'member_viewed', 'members_exported', 'kpi_exported', 'application_viewed', 'application_approved',
	'application_rejected', 'member_status_changed', 'member_note_added', 'member_anonymised',
	'roster_imported', 'target_changed', 'own_data_exported', 'deletion_requested',
	'mentor_application_viewed', 'mentor_approved', 'mentor_rejected', 'mentor_deactivated', 'mentor_reactivated',
	'attendance_exported'
));

-- Row-level security on, no policy, no privileges for Supabase's API roles (see 20261130090000_row_level_security.sql).
alter table public.partner_organisations enable row level security;
alter table public.mentor_applications enable row level security;
alter table public.mentors enable row level security;
alter table public.club_sessions enable row level security;
alter table public.session_participants enable row level security;
alter table public.calendar_feeds enable row level security;
alter table public.notifications enable row level security;
alter table public.notification_preferences enable row level security;
revoke all on public.partner_organisations, public.mentor_applications, public.mentors, public.club_sessions,
	public.session_participants, public.calendar_feeds, public.notifications, public.notification_preferences
	from anon, authenticated;
revoke all on all sequences in schema public from anon, authenticated;
