-- The coordinators' funnel (dashboard/funnel.ts): ref-code visits → trial bookings → attended → applications →
-- guardian consent → approved → still active 3 and 6 months after joining, and the monthly cohorts' retention. Both read whole tables in aggregate once per change (or
-- per minute) and share the result, so they read narrow indexes instead of the tables (index-only scans, checked by
-- scripts/performance/indexes.spec.ts on a seeded club).

-- Applications by the month they were sent, with what each funnel stage needs.
create index member_applications_funnel_idx on public.member_applications (created_at)
	include (status, consent_decided_at, school_code, channel, ref_code_id, trial_booking_id);

-- Members who joined through an application (the funnel's own people; imported roster rows have no activity in the
-- portal), by join month, with the account their activity is recorded under.
create index members_application_cohorts_idx on public.members (joined_on)
	include (user_id, application_id) where source = 'application';

-- Exporting the funnel is audited like the other exports. The allowed actions are read back from the constraint and
-- extended, so that this keeps whatever actions other migrations added before it. The constraint may list them as
-- ARRAY['a'::text, …] or as '{a,…}'::text[] (20261210100000_groups.sql writes the latter): the pattern reads both. It is
-- written back as `action in ('a', …)`, which Postgres shows in the first form.
do $$
declare
	allowed text[];
begin
	select array_agg(distinct matched[1]) into allowed
	from pg_constraint, regexp_matches(pg_get_constraintdef(pg_constraint.oid), '[{,'']([a-z_]+)(?=[,}''])', 'g') as matched
	where pg_constraint.conname = 'audit_events_action_check' and pg_constraint.conrelid = 'public.audit_events'::regclass;
	if coalesce(array_length(allowed, 1), 0) < 20 then
		raise exception 'audit_events_action_check lists % actions: not the list this migration expects', coalesce(array_length(allowed, 1), 0);
	end if;
	alter table public.audit_events drop constraint audit_events_action_check;
	execute format('alter table public.audit_events add constraint audit_events_action_check check (action in (%s))',
		(select string_agg(quote_literal(action), ', ' order by action) from (select distinct unnest(allowed || array['funnel_exported']) as action) as actions));
end;
$$;

-- The funnel names ref codes: a code added or renamed moves the shared pages' counter (20261208100100), so the next
-- page view shows it. Visits are left out like submissions (many small writes; the minute covers them).
create trigger referral_codes_shared_page_change after insert or update or delete or truncate on public.referral_codes
	for each statement execute function public.note_shared_page_change();
