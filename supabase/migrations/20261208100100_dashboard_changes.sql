-- A counter of changes to what the coordinators' dashboard counts. The dashboard's figures are computed once and shared
-- by every coordinator (src/lib/server/dashboard/shared.ts) until this counter moves or a minute has passed, so each
-- web server recomputes them once per change, not once per page view. A sequence, not a row: bumping it takes no lock,
-- so busy writers never wait on each other for it. Submissions are left out (they change every few seconds at a club
-- session; the dashboard's weekly activity is recomputed once a minute instead), as are logins, mail and drafts.
create sequence public.dashboard_changes;

create function public.note_dashboard_change() returns trigger
language plpgsql
set search_path = ''
as $$
begin
	perform nextval('public.dashboard_changes');
	return null;
end;
$$;

do $$
declare
	counted text;
begin
	foreach counted in array array['users', 'user_roles', 'members', 'member_applications', 'membership_target', 'partner_organisations',
		'mentor_applications', 'mentors', 'club_sessions', 'session_participants', 'review_requests', 'review_iterations', 'review_comments',
		'review_settings', 'exercises']
	loop
		execute format('create trigger %I after insert or update or delete or truncate on public.%I for each statement execute function public.note_dashboard_change()',
			counted || '_dashboard_change', counted);
	end loop;
end;
$$;

revoke all on sequence public.dashboard_changes from anon, authenticated;
revoke all on function public.note_dashboard_change() from public, anon, authenticated;
