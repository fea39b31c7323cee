-- Badges: milestones a student reaches (a first correct answer, 10 and 30 solved, every exercise of a topic, every
-- DNCL exercise solved in DNCL, 5 club sessions attended, a first review passed), each awarded once per person.
-- The database awards them itself, in the transaction that writes the milestone (a verdict, a check-in, a review's
-- outcome), as exercise_progress is kept: every writer (judge, seeds, imports, tests) then awards them, and no domain
-- that writes a milestone has to know about badges. The rules read the state, not the event, so the same function
-- awards the badges a person already earned before this migration (below) and is safe to run again at any time.
-- The catalogue (titles, how to earn each, icons) is src/lib/badges/catalogue.ts; the ids here are the same.

create table public.badge_awards (
	user_id uuid not null references public.users (id) on delete cascade,
	-- 'first_correct', 'solved_10', 'solved_30', 'sessions_5', 'first_review_passed', 'dncl_all', or 'topic:<topic id>'.
	badge text not null check (badge ~ '^[a-z0-9_]+(:[a-z0-9_-]+)?$'),
	-- When the milestone happened (the accepted submit, the check-in, the review's conclusion), not when it was noticed.
	awarded_at timestamptz not null,
	-- When the student was first shown it (the celebration after a correct answer, or the profile); null until then.
	announced_at timestamptz,
	-- Also the index behind a person's badges and the cascade from users.
	primary key (user_id, badge)
);

alter table public.badge_awards enable row level security;
revoke all on public.badge_awards from anon, authenticated;

-- Awards every badge the given people have earned and do not hold yet. Each person's awards are serialised (an
-- advisory lock per bucket of people, taken in order so that two writers never wait on each other in a circle) and
-- the rules are later statements: under READ COMMITTED a writer that waited sees what the other committed, so two
-- verdicts written at once, the 9th and the 10th solve, both count and one of them awards 10問クリア.
create function public.award_badges(people uuid[]) returns void
language plpgsql
security definer
set search_path = ''
as $$
begin
	perform pg_advisory_xact_lock(hashtext('itbu:badges'), buckets.bucket)
	from (select distinct hashtext(person::text) & 255 as bucket from unnest(people) as person order by 1) as buckets;

	-- The 1st, 10th and 30th exercise solved, at the moment it was solved.
	insert into public.badge_awards (user_id, badge, awarded_at)
	select solved.user_id, goal.badge, solved.solved_at
	from (
		select progress.user_id, progress.solved_at,
			row_number() over (partition by progress.user_id order by progress.solved_at, progress.exercise_id) as position
		from public.exercise_progress as progress
		where progress.user_id = any (people) and progress.solved_at is not null
	) as solved
	join (values ('first_correct', 1), ('solved_10', 10), ('solved_30', 30)) as goal (badge, position) on goal.position = solved.position
	order by 1, 2
	on conflict do nothing;

	-- Every published exercise of a topic solved, counted by each exercise's main (first) topic, as the profile counts.
	insert into public.badge_awards (user_id, badge, awarded_at)
	select person.user_id, 'topic:' || exercise.topics[1], max(progress.solved_at)
	from (select distinct unnest(people) as user_id) as person
	cross join public.exercises as exercise
	left join public.exercise_progress as progress on progress.user_id = person.user_id and progress.exercise_id = exercise.id
	where exercise.published and cardinality(exercise.topics) > 0
	group by person.user_id, exercise.topics[1]
	having count(progress.solved_at) = count(*)
	order by 1, 2
	on conflict do nothing;

	-- Every published exercise offered in DNCL accepted in DNCL.
	insert into public.badge_awards (user_id, badge, awarded_at)
	select person.user_id, 'dncl_all', max(accepted.first_at)
	from (select distinct unnest(people) as user_id) as person
	cross join public.exercises as exercise
	left join lateral (
		select min(submission.created_at) as first_at
		from public.submissions as submission
		where submission.user_id = person.user_id and submission.exercise_id = exercise.id
			and submission.mode = 'submit' and submission.language = 'dncl' and submission.verdict = 'AC'
	) as accepted on true
	where exercise.published and 'dncl' = any (exercise.languages)
	group by person.user_id
	having count(accepted.first_at) = count(*)
	order by 1
	on conflict do nothing;

	-- The 5th club session the student was checked in at.
	insert into public.badge_awards (user_id, badge, awarded_at)
	select attended.user_id, 'sessions_5', attended.checked_in_at
	from (
		select participant.user_id, participant.checked_in_at,
			row_number() over (partition by participant.user_id order by participant.checked_in_at, participant.id) as position
		from public.session_participants as participant
		where participant.user_id = any (people) and participant.role = 'student' and participant.checked_in_at is not null
	) as attended
	where attended.position = 5
	order by 1
	on conflict do nothing;

	-- The first review a mentor concluded with 合格.
	insert into public.badge_awards (user_id, badge, awarded_at)
	select request.student_id, 'first_review_passed', min(coalesce(request.closed_at, request.updated_at))
	from public.review_requests as request
	where request.student_id = any (people) and request.closed_reason = 'approved'
	group by request.student_id
	order by 1
	on conflict do nothing;
end;
$$;

-- An accepted submit (its verdict written, or a submission inserted already judged, as seeds and imports do). The
-- update trigger's name sorts after submissions_progress_update, so exercise_progress already counts the verdict.
create function public.submissions_badges_after_verdict() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
	perform public.award_badges(array[new.user_id]);
	return null;
end;
$$;

create function public.submissions_badges_after_insert() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
	perform public.award_badges(array(select distinct user_id from inserted where mode = 'submit' and verdict = 'AC'));
	return null;
end;
$$;

create trigger submissions_reward_badges after update of verdict on public.submissions
	for each row
	when (new.mode = 'submit' and new.verdict = 'AC' and old.verdict is distinct from new.verdict)
	execute function public.submissions_badges_after_verdict();
create trigger submissions_reward_badges_insert after insert on public.submissions
	referencing new table as inserted for each statement execute function public.submissions_badges_after_insert();

-- A check-in (coordinators tick several people at once: one statement, one call).
create function public.session_participants_badges() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
	perform public.award_badges(array(select distinct user_id from changed where role = 'student' and checked_in_at is not null));
	return null;
end;
$$;

create trigger session_participants_reward_badges_insert after insert on public.session_participants
	referencing new table as changed for each statement execute function public.session_participants_badges();
create trigger session_participants_reward_badges_update after update on public.session_participants
	referencing new table as changed for each statement execute function public.session_participants_badges();

-- A review concluded with 合格.
create function public.review_requests_badges() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
	perform public.award_badges(array[new.student_id]);
	return null;
end;
$$;

create trigger review_requests_reward_badges after insert or update of closed_reason on public.review_requests
	for each row
	when (new.closed_reason = 'approved')
	execute function public.review_requests_badges();

revoke all on function public.award_badges(uuid[]), public.submissions_badges_after_verdict(), public.submissions_badges_after_insert(),
	public.session_participants_badges(), public.review_requests_badges()
	from public, anon, authenticated;

-- What the members had already done. Shown as new on their next visit.
select public.award_badges(array(select id from public.users order by id));
