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

-- Exporting the funnel is audited like the other exports. The action is added to whatever list the constraint holds
-- by now, rather than rewriting the list: branches developed side by side each add their own actions.
do $$
declare
	allowed text;
begin
	select pg_get_constraintdef(oid) into allowed from pg_constraint
	where conrelid = 'public.audit_events'::regclass and conname = 'audit_events_action_check';
	if allowed is null or position('ARRAY[' in allowed) = 0 then
		raise exception 'audit_events_action_check is not the list of actions this migration expects: %', allowed;
	end if;
	alter table public.audit_events drop constraint audit_events_action_check;
	execute 'alter table public.audit_events add constraint audit_events_action_check '
		|| replace(allowed, 'ARRAY[', 'ARRAY[''funnel_exported''::text, ');
end;
$$;

-- The funnel names ref codes: a code added or renamed moves the shared pages' counter (20261208100100), so the next
-- page view shows it. Visits are left out like submissions (many small writes; the minute covers them).
create trigger referral_codes_shared_page_change after insert or update or delete or truncate on public.referral_codes
	for each statement execute function public.note_shared_page_change();
