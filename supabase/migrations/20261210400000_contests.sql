-- Practice contests (#20, item 4): a coordinator picks exercises, a start and an end; students enter and solve them
-- in a fixed window (the contest's own) or a personal one of `window_minutes` that starts when they press start and
-- never runs past the contest's end. Scores are computed from the submissions made inside each entry's window
-- (src/lib/server/contests/scoring.ts); the exercises of a contest that has not ended are held back from the catalog
-- and from their own pages, and join the catalog with their hints when it ends.
create table public.contests (
	id uuid primary key default gen_random_uuid(),
	title text not null check (char_length(title) between 1 and 100),
	description text not null default '' check (char_length(description) <= 4000),
	starts_at timestamptz not null,
	ends_at timestamptz not null,
	-- null: everyone's window is the contest's own; otherwise each entry's window lasts this many minutes.
	window_minutes integer check (window_minutes between 10 and 600),
	-- Beginner mode: wrong answers cost no time.
	beginner boolean not null default true,
	-- Minutes added per wrong answer before a problem's first AC, outside beginner mode (AtCoder's 5 by default).
	penalty_minutes integer not null default 5 check (penalty_minutes between 0 and 60),
	created_by uuid references public.users (id) on delete set null,
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now(),
	cancelled_at timestamptz,
	check (ends_at > starts_at),
	check (window_minutes is null or window_minutes * interval '1 minute' <= ends_at - starts_at)
);
-- The list of contests and the catalog's "not held back" filter read contests by their end.
create index contests_ends_at_idx on public.contests (ends_at);
create index contests_created_by_idx on public.contests (created_by);

create table public.contest_exercises (
	contest_id uuid not null references public.contests (id) on delete cascade,
	exercise_id uuid not null references public.exercises (id) on delete cascade,
	-- A, B, C … on the contest's page and scoreboard.
	position smallint not null check (position between 0 and 25),
	primary key (contest_id, exercise_id),
	unique (contest_id, position)
);
-- The catalog asks, per exercise, whether a contest holds it back.
create index contest_exercises_exercise_idx on public.contest_exercises (exercise_id);

create table public.contest_entries (
	contest_id uuid not null references public.contests (id) on delete cascade,
	user_id uuid not null references public.users (id) on delete cascade,
	-- When the student entered: in a personal-window contest, the start of their window.
	started_at timestamptz not null default now(),
	primary key (contest_id, user_id)
);
create index contest_entries_user_idx on public.contest_entries (user_id);

alter table public.contests enable row level security;
alter table public.contest_exercises enable row level security;
alter table public.contest_entries enable row level security;
revoke all on public.contests, public.contest_exercises, public.contest_entries from anon, authenticated;
