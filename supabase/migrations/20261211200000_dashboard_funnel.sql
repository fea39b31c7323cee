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

-- Exporting the funnel is audited like the other exports.
alter table public.audit_events drop constraint audit_events_action_check;
alter table public.audit_events add constraint audit_events_action_check check (action in (
	'member_viewed', 'members_exported', 'kpi_exported', 'application_viewed', 'application_approved',
	'application_rejected', 'member_status_changed', 'member_note_added', 'member_anonymised',
	'roster_imported', 'target_changed', 'own_data_exported', 'deletion_requested',
	'mentor_application_viewed', 'mentor_approved', 'mentor_rejected', 'mentor_deactivated', 'mentor_reactivated',
	'attendance_exported', 'review_viewed', 'review_settings_changed', 'funnel_exported'
));
