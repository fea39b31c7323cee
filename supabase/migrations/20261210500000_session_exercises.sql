-- Today's exercises (今日の問題): the exercises a club session works on, in the order they are meant to be done.
-- Chosen by a coordinator or a mentor confirmed for the session (club-sessions/exercises.ts decides who); the
-- students coming see them on their home page on the session's day, and the mentors in the room see everyone's
-- progress on them (read from exercise_progress, never from the submissions).
create table public.session_exercises (
	session_id uuid not null references public.club_sessions (id) on delete cascade,
	exercise_id uuid not null references public.exercises (id) on delete cascade,
	position integer not null check (position >= 0),
	added_by uuid references public.users (id) on delete set null,
	added_at timestamptz not null default now(),
	-- Also the index behind the session's list and the cascade from club_sessions.
	primary key (session_id, exercise_id),
	-- Deferred, so that two exercises can swap places in one transaction.
	unique (session_id, position) deferrable initially deferred
);

create index session_exercises_exercise_idx on public.session_exercises (exercise_id);
create index session_exercises_added_by_idx on public.session_exercises (added_by);

alter table public.session_exercises enable row level security;
revoke all on public.session_exercises from anon, authenticated;
