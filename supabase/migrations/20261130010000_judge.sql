-- Judge: exercises with their test cases, and submissions, which are also the judge's work queue.

create table public.exercises (
	id uuid primary key default gen_random_uuid(),
	slug text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
	title_ja text not null,
	title_en text not null,
	statement_ja text not null,
	statement_en text not null,
	time_limit_ms integer not null default 2000 check (time_limit_ms between 100 and 10000),
	memory_limit_mb integer not null default 256 check (memory_limit_mb between 16 and 1024),
	output_limit_kb integer not null default 64 check (output_limit_kb between 1 and 1024),
	compare_mode text not null default 'lines' check (compare_mode in ('exact', 'lines', 'float')),
	languages text[] not null default array['python', 'javascript'] check (languages <@ array['python', 'javascript']),
	published boolean not null default false,
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now()
);

create table public.exercise_cases (
	id uuid primary key default gen_random_uuid(),
	exercise_id uuid not null references public.exercises (id) on delete cascade,
	position integer not null,
	is_sample boolean not null default false,
	input text not null,
	expected_output text not null,
	unique (exercise_id, position)
);

create table public.submissions (
	id uuid primary key default gen_random_uuid(),
	user_id uuid not null references public.users (id) on delete cascade,
	exercise_id uuid not null references public.exercises (id) on delete cascade,
	language text not null check (language in ('python', 'javascript')),
	source text not null check (octet_length(source) <= 65536),
	mode text not null check (mode in ('run', 'submit')),
	-- Custom input of a run; null runs the sample cases.
	stdin text check (stdin is null or mode = 'run'),
	status text not null default 'queued' check (status in ('queued', 'running', 'done', 'failed')),
	attempts integer not null default 0,
	lease_owner text,
	lease_expires_at timestamptz,
	-- null while judging, and for a run on custom input (nothing to compare with).
	verdict text check (verdict in ('AC', 'WA', 'TLE', 'MLE', 'RE', 'OLE', 'CE', 'IE')),
	results jsonb,
	cases_done integer not null default 0,
	cases_total integer not null default 0,
	sandboxed boolean,
	-- Why the judge itself failed, for the staff; never shown to students.
	last_error text,
	created_at timestamptz not null default now(),
	started_at timestamptz,
	finished_at timestamptz
);
-- The claim query: oldest first among the queued and the running (whose lease may have expired).
create index submissions_claim_idx on public.submissions (created_at) where status in ('queued', 'running');
create index submissions_user_exercise_idx on public.submissions (user_id, exercise_id, created_at desc);

-- Only the portal's server reads and writes these tables (see the row-level security migration).
alter table public.exercises enable row level security;
alter table public.exercise_cases enable row level security;
alter table public.submissions enable row level security;
