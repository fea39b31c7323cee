-- A mentor reviewing a solution sees how other students' solutions to the same exercise were reviewed (without
-- names): the requests of one exercise, newest first.
create index review_requests_exercise_idx on public.review_requests (exercise_id, updated_at desc);
