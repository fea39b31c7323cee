-- Reviews of submissions: a student asks a mentor to review a submission, or for help while still stuck. A request
-- is one discussion about one exercise: its iterations are the submissions the student sends to it, its comments
-- are the mentor's line comments and reviews and both sides' replies. Mentors take requests from a queue, oldest
-- first; a claim is exclusive and returns to the queue when left untouched for 48 hours (reviews/queue.ts).

create table public.review_requests (
	id uuid primary key default gen_random_uuid(),
	student_id uuid not null references public.users (id) on delete cascade,
	exercise_id uuid not null references public.exercises (id) on delete cascade,
	language text not null check (language in ('python', 'javascript')),
	kind text not null check (kind in ('review', 'help')),
	question text check (char_length(question) between 1 and 2000),
	-- waiting: in the queue; claimed: a mentor is on it; answered: the mentor asked for changes and the student is
	-- on it; closed: approved, resolved by the student, or withdrawn.
	status text not null default 'waiting' check (status in ('waiting', 'claimed', 'answered', 'closed')),
	-- The discussion's mentor: the claimant while claimed, the reviewer while answered.
	mentor_id uuid references public.users (id) on delete set null,
	claimed_at timestamptz,
	-- The claimant's last action on the request; the claim lapses 48 hours after it.
	touched_at timestamptz,
	-- Since when the request has waited for a mentor: the queue's order. A lapsed claim keeps it, so the request
	-- goes back to the front.
	waiting_since timestamptz not null default now(),
	outcome text check (outcome in ('approved', 'changes_requested')),
	closed_reason text check (closed_reason in ('approved', 'resolved', 'withdrawn')),
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now(),
	closed_at timestamptz,
	check (status <> 'claimed' or touched_at is not null),
	check ((status = 'closed') = (closed_reason is not null))
);
-- One open discussion per student and exercise: sending another submission adds an iteration to it.
create unique index review_requests_open_key on public.review_requests (student_id, exercise_id) where status <> 'closed';
-- The queue: waiting requests and claims that may have lapsed, oldest first.
create index review_requests_queue_idx on public.review_requests (waiting_since) where status in ('waiting', 'claimed');
create index review_requests_mentor_idx on public.review_requests (mentor_id, updated_at desc) where mentor_id is not null;
create index review_requests_student_idx on public.review_requests (student_id, updated_at desc);

create table public.review_iterations (
	id bigint generated always as identity primary key,
	request_id uuid not null references public.review_requests (id) on delete cascade,
	number integer not null check (number >= 1),
	submission_id uuid not null references public.submissions (id) on delete cascade,
	created_at timestamptz not null default now(),
	unique (request_id, number),
	unique (request_id, submission_id)
);

create table public.review_comments (
	id bigint generated always as identity primary key,
	request_id uuid not null references public.review_requests (id) on delete cascade,
	-- The iteration on screen when it was written; a line comment's line belongs to that iteration's code.
	iteration_id bigint not null references public.review_iterations (id) on delete cascade,
	author_id uuid references public.users (id) on delete set null,
	author_role text not null check (author_role in ('student', 'mentor')),
	-- 1-based, with the line's text so that the comment can find its line again in code edited since.
	line integer check (line between 1 and 100000),
	line_text text check (char_length(line_text) <= 1000),
	-- Markdown, rendered without raw HTML (exercises/markdown.ts).
	body text not null check (char_length(body) between 1 and 4000),
	-- Set on a mentor's review (the overall comment): what it concluded.
	outcome text check (outcome in ('approved', 'changes_requested')),
	-- A mentor's line comments are drafts, seen by their author only, until the review is posted.
	published_at timestamptz,
	created_at timestamptz not null default now(),
	check (line is null or author_role = 'mentor'),
	check (outcome is null or (author_role = 'mentor' and line is null)),
	check (published_at is not null or line is not null)
);
create index review_comments_request_idx on public.review_comments (request_id, id);
-- Reviews per mentor (coordinators' statistics).
create index review_comments_reviews_idx on public.review_comments (author_id, published_at) where outcome is not null;

-- Coordinators' setting: requests waiting longer than this are highlighted on the dashboard. One row.
create table public.review_settings (
	singleton boolean primary key default true check (singleton),
	highlight_after_days integer not null default 3 check (highlight_after_days between 1 and 60),
	updated_at timestamptz not null default now(),
	updated_by uuid references public.users (id) on delete set null
);
insert into public.review_settings (highlight_after_days) values (3);

-- Coordinators reading a student's discussion, and changing the setting, are audited.
alter table public.audit_events drop constraint audit_events_action_check;
alter table public.audit_events add constraint audit_events_action_check check (action in (
	'member_viewed', 'members_exported', 'kpi_exported', 'application_viewed', 'application_approved',
	'application_rejected', 'member_status_changed', 'member_note_added', 'member_anonymised',
	'roster_imported', 'target_changed', 'own_data_exported', 'deletion_requested',
	'mentor_application_viewed', 'mentor_approved', 'mentor_rejected', 'mentor_deactivated', 'mentor_reactivated',
	'attendance_exported', 'review_viewed', 'review_settings_changed'
));

-- Row-level security on, no policy, no privileges for Supabase's API roles (see 20261130090000_row_level_security.sql).
alter table public.review_requests enable row level security;
alter table public.review_iterations enable row level security;
alter table public.review_comments enable row level security;
alter table public.review_settings enable row level security;
revoke all on public.review_requests, public.review_iterations, public.review_comments, public.review_settings from anon, authenticated;
revoke all on all sequences in schema public from anon, authenticated;
