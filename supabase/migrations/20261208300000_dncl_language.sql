-- DNCL (共通テスト用プログラム表記, src/lib/dncl) as a third language of exercises, submissions, drafts,
-- verifications and review requests; and each exercise's first array index for its DNCL programs (0 as the
-- notation's 例示 says, or 1 as the 2025 exam wrote them).
alter table public.exercises
	drop constraint exercises_languages_check,
	add constraint exercises_languages_check check (languages <@ array['python', 'javascript', 'dncl']),
	add column dncl_array_base smallint not null default 0 constraint exercises_dncl_array_base_check check (dncl_array_base in (0, 1));

alter table public.submissions
	drop constraint submissions_language_check,
	add constraint submissions_language_check check (language in ('python', 'javascript', 'dncl'));

alter table public.exercise_drafts
	drop constraint exercise_drafts_language_check,
	add constraint exercise_drafts_language_check check (language in ('python', 'javascript', 'dncl'));

alter table public.exercise_verifications
	drop constraint exercise_verifications_language_check,
	add constraint exercise_verifications_language_check check (language in ('python', 'javascript', 'dncl'));

alter table public.review_requests
	drop constraint review_requests_language_check,
	add constraint review_requests_language_check check (language in ('python', 'javascript', 'dncl'));
