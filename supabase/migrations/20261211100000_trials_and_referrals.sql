-- Trial sessions (体験会) that anyone books without an account, and where people come from: the channel they name
-- (学校の先生, チラシ, ...) and the ref code of the link or QR code they followed. The channel ids are the list in
-- src/lib/referrals/channels.ts; keep both in step.

-- A trial session is a club session marked as such, with what a first-time visitor needs to know.
alter table public.club_sessions
	add column kind text not null default 'regular' check (kind in ('regular', 'trial')),
	add column what_to_bring text check (char_length(what_to_bring) between 1 and 500),
	add column map_url text check (map_url ~ '^https://' and char_length(map_url) <= 500);
create index club_sessions_trials_idx on public.club_sessions (starts_at) where kind = 'trial' and cancelled_at is null;

-- A code per flyer, school or event (`?ref=CODE`). Stored in lower case: a code is read case-insensitively.
create table public.referral_codes (
	id uuid primary key default gen_random_uuid(),
	code text not null unique check (code ~ '^[a-z0-9][a-z0-9-]{1,31}$'),
	name text not null check (char_length(name) between 1 and 100),
	channel text not null check (channel in ('teacher', 'friend', 'family', 'flyer', 'koho_kanazawa', 'event', 'web', 'other')),
	created_by uuid references public.users (id) on delete set null,
	created_at timestamptz not null default now(),
	archived_at timestamptz
);
create index referral_codes_created_by_idx on public.referral_codes (created_by);

-- Anonymous visits per code and Japan day: a count, nothing about who (each browser counts once per code and day).
create table public.referral_visits (
	code_id uuid not null references public.referral_codes (id) on delete cascade,
	day date not null,
	visits integer not null default 0 check (visits >= 0),
	primary key (code_id, day)
);

-- A seat at a trial session, booked by a guardian or a student without an account. Personal fields are the
-- minimum and are erased (personal_data_erased_at) a configurable time after the session when no application
-- followed (TRIAL_RETENTION_DAYS); the row stays as an anonymous count for the club's funnel.
create table public.trial_bookings (
	id uuid primary key default gen_random_uuid(),
	session_id uuid not null references public.club_sessions (id) on delete cascade,
	status text not null check (status in ('booked', 'waitlisted', 'cancelled')),
	nickname text check (char_length(nickname) between 1 and 40),
	grade text not null check (grade in ('jh1', 'jh2', 'jh3', 'hs1', 'hs2', 'hs3', 'other')),
	school_code text check (char_length(school_code) between 1 and 40),
	school_other text check (char_length(school_other) between 1 and 100),
	guardian_email text check (char_length(guardian_email) between 3 and 254),
	locale text not null default 'ja' check (locale in ('ja', 'en')),
	channel text check (channel in ('teacher', 'friend', 'family', 'flyer', 'koho_kanazawa', 'event', 'web', 'other')),
	ref_code_id uuid references public.referral_codes (id) on delete set null,
	-- The booking's own mailed link (view, cancel, apply): only a SHA-256 of its token is kept.
	token_hash bytea not null unique,
	-- Waitlist order, first come first served.
	queued_at timestamptz not null default now(),
	created_at timestamptz not null default now(),
	cancelled_at timestamptz,
	reminded_at timestamptz,
	attended_at timestamptz,
	attendance_marked_by uuid references public.users (id) on delete set null,
	invited_at timestamptz,
	personal_data_erased_at timestamptz,
	check (personal_data_erased_at is not null or (nickname is not null and guardian_email is not null))
);
create index trial_bookings_session_idx on public.trial_bookings (session_id, status, queued_at);
create index trial_bookings_ref_code_idx on public.trial_bookings (ref_code_id);
create index trial_bookings_attendance_marked_by_idx on public.trial_bookings (attendance_marked_by);
create index trial_bookings_created_at_idx on public.trial_bookings (created_at);

-- Where an application came from: the channel named on the form, the ref code carried from a link, the trial it followed.
alter table public.member_applications
	add column channel text check (channel in ('teacher', 'friend', 'family', 'flyer', 'koho_kanazawa', 'event', 'web', 'other')),
	add column ref_code_id uuid references public.referral_codes (id) on delete set null,
	add column trial_booking_id uuid references public.trial_bookings (id) on delete set null;
create index member_applications_ref_code_idx on public.member_applications (ref_code_id);
create index member_applications_trial_booking_idx on public.member_applications (trial_booking_id);

-- The visitors' home page shows trial seats left: bookings move the shared pages' counter.
create trigger trial_bookings_shared_page_change after insert or update or delete or truncate on public.trial_bookings
	for each statement execute function public.note_shared_page_change();

alter table public.referral_codes enable row level security;
alter table public.referral_visits enable row level security;
alter table public.trial_bookings enable row level security;
revoke all on public.referral_codes from anon, authenticated;
revoke all on public.referral_visits from anon, authenticated;
revoke all on public.trial_bookings from anon, authenticated;
