-- Deleting a submission or a review iteration cascades to the rows that reference it; without an index on the
-- referencing column each cascade scans the whole child table.
create index review_iterations_submission_idx on public.review_iterations (submission_id);
create index review_comments_iteration_idx on public.review_comments (iteration_id);

-- submissions_activity_idx (created_at) include (user_id, mode) serves every query the plain created_at index served.
drop index if exists public.submissions_created_at_idx;
