-- Exercises catalog: what the curriculum folders carry (order, difficulty, topics, hints, starter and reference
-- code), where an exercise came from, autosaved drafts, verification of reference solutions, and who may author.

alter table public.exercises
	-- The folder's `order`: place in the curriculum (null: after every ordered exercise).
	add column sort_order integer check (sort_order > 0),
	add column difficulty smallint not null default 1 check (difficulty between 1 and 5),
	-- Ids of src/lib/server/exercises/topics.ts, the main topic first.
	add column topics text[] not null default '{}',
	add column hints_ja text[] not null default '{}',
	add column hints_en text[] not null default '{}',
	-- { "python": "...", "javascript": "..." }
	add column starter jsonb not null default '{}'::jsonb,
	-- Reference solutions, same shape: read by authors and the judge only, never sent to a student's browser.
	add column solution jsonb not null default '{}'::jsonb,
	-- SHA-256 of the exercise as it is now (content.ts's hash of its folder form).
	add column content_hash text,
	-- 'content': imported from src/content/exercises; 'ui': created on the authoring pages.
	add column source text not null default 'ui' check (source in ('content', 'ui')),
	-- Set when an author saves changes in the UI: the importer then leaves the exercise alone unless forced.
	add column edited_in_ui_at timestamptz,
	add column created_by uuid references public.users (id) on delete set null,
	add column updated_by uuid references public.users (id) on delete set null,
	add constraint exercises_hints_same_count check (cardinality(hints_ja) = cardinality(hints_en));

-- The catalog: published exercises in curriculum order.
create index exercises_catalog_idx on public.exercises (sort_order, slug) where published;

-- The dashboard's weekly activity and any report by time read submissions by created_at.
create index submissions_created_at_idx on public.submissions (created_at);
-- A student's submits (history, streak, solved): the user's rows by exercise and time, submits only.
create index submissions_user_submits_idx on public.submissions (user_id, created_at) where mode = 'submit';

-- The program a student is writing, per exercise and language, saved as they type.
create table public.exercise_drafts (
	user_id uuid not null references public.users (id) on delete cascade,
	exercise_id uuid not null references public.exercises (id) on delete cascade,
	language text not null check (language in ('python', 'javascript')),
	source text not null check (octet_length(source) <= 65536),
	updated_at timestamptz not null default now(),
	primary key (user_id, exercise_id, language)
);
create index exercise_drafts_exercise_idx on public.exercise_drafts (exercise_id);

-- The latest run of an exercise's reference solution in one language, through the judge's queue.
-- Publishing needs one per language, done with AC, for the exercise's current content_hash.
create table public.exercise_verifications (
	exercise_id uuid not null references public.exercises (id) on delete cascade,
	language text not null check (language in ('python', 'javascript')),
	content_hash text not null,
	submission_id uuid not null references public.submissions (id) on delete cascade,
	requested_by uuid references public.users (id) on delete set null,
	created_at timestamptz not null default now(),
	primary key (exercise_id, language)
);
create index exercise_verifications_submission_idx on public.exercise_verifications (submission_id);

-- Mentors a coordinator has made authors (coordinators are authors by their role). A capability of the exercises
-- domain rather than a fourth role: it only means something together with the mentor role.
create table public.exercise_authors (
	user_id uuid primary key references public.users (id) on delete cascade,
	granted_by uuid references public.users (id) on delete set null,
	granted_at timestamptz not null default now()
);

-- Only the portal's server reads and writes these tables (see the row-level security migration).
alter table public.exercise_drafts enable row level security;
alter table public.exercise_verifications enable row level security;
alter table public.exercise_authors enable row level security;
revoke all on table public.exercise_drafts from anon, authenticated;
revoke all on table public.exercise_verifications from anon, authenticated;
revoke all on table public.exercise_authors from anon, authenticated;
