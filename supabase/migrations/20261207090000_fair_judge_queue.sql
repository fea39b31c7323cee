-- A fair judge queue with early replies. A submit superseded by a newer one of the same person, exercise and mode
-- before it started is "replaced" (never judged), pointing at its successor. Changes to the queue are announced with
-- NOTIFY so that judge workers and event streams in any process react at once instead of at their next poll.

alter table public.submissions drop constraint submissions_status_check;
alter table public.submissions
	add constraint submissions_status_check check (status in ('queued', 'running', 'done', 'failed', 'replaced'));
alter table public.submissions add column replaced_by uuid references public.submissions (id) on delete set null;
alter table public.submissions add constraint submissions_replaced_check check (replaced_by is null or status = 'replaced');
create index submissions_replaced_by_idx on public.submissions (replaced_by) where replaced_by is not null;

-- judge_queue: there may be work (a new row, or one put back). submission_changed: a row's status or progress moved;
-- the payload is its id. NOTIFY is delivered at commit, so a listener never reads a row older than the notice.
create function public.notify_submission_change() returns trigger
language plpgsql
set search_path = ''
as $$
begin
	if tg_op = 'UPDATE' then
		perform pg_notify('submission_changed', new.id::text);
	end if;
	if new.status = 'queued' then
		perform pg_notify('judge_queue', '');
	end if;
	return null;
end;
$$;

create trigger submissions_notify_queued after insert on public.submissions
	for each row when (new.status = 'queued') execute function public.notify_submission_change();
create trigger submissions_notify_changed after update of status, cases_done on public.submissions
	for each row when (old.status is distinct from new.status or old.cases_done is distinct from new.cases_done)
	execute function public.notify_submission_change();
