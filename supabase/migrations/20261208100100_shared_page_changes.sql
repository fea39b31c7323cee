-- A counter of changes to what the pages shared by many people show: the coordinators' dashboard and the visitors'
-- home page. Their content is computed once and shared (src/lib/server/caching/) until this counter moves or a short
-- interval has passed, so each web server recomputes it once per change, not once per page view. A sequence, not a
-- row: bumping it takes no lock, so busy writers never wait on each other for it. Submissions are left out (they change
-- every few seconds at a club session; the dashboard's weekly activity is recomputed once a minute instead), as are
-- logins, mail and drafts.
create sequence public.shared_page_changes;

-- Security definer: whoever writes a counted table moves the counter, without any right on the sequence itself (and a
-- role that may write nothing, such as Supabase's anon, is still stopped by the tables' own rules first).
create function public.note_shared_page_change() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
	perform nextval('public.shared_page_changes');
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
		execute format('create trigger %I after insert or update or delete or truncate on public.%I for each statement execute function public.note_shared_page_change()',
			counted || '_shared_page_change', counted);
	end loop;
end;
$$;

revoke all on sequence public.shared_page_changes from anon, authenticated;
revoke all on function public.note_shared_page_change() from public, anon, authenticated;
