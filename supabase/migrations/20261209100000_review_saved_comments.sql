-- Mentors' saved comments: per exercise, a shared set of comments that any mentor reviewing a solution to it can put
-- into a line comment with a click and edit before posting. Each counts how often it was used, so the most useful
-- come first and the club can see how much is reused.
create table public.review_saved_comments (
	id bigint generated always as identity primary key,
	exercise_id uuid not null references public.exercises (id) on delete cascade,
	author_id uuid references public.users (id) on delete set null,
	body text not null check (char_length(body) between 1 and 1000),
	uses integer not null default 0 check (uses >= 0),
	created_at timestamptz not null default now(),
	-- Also the index behind the exercise's list and the cascade from exercises.
	unique (exercise_id, body)
);

alter table public.review_saved_comments enable row level security;
revoke all on public.review_saved_comments from anon, authenticated;
