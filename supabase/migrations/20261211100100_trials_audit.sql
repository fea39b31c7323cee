-- Coordinators' views of trial bookings (nicknames, schools, guardians' addresses) are audited. The allowed actions
-- are read from the constraint as it stands, so the actions other migrations added before this one are kept.
do $$
declare
	allowed text[];
begin
	select array_agg(distinct found.action) into allowed
	from (
		select (regexp_matches(pg_get_constraintdef(oid), '''([a-z_]+)''', 'g'))[1] as action
		from pg_constraint
		where conname = 'audit_events_action_check' and conrelid = 'public.audit_events'::regclass
	) found;
	alter table public.audit_events drop constraint audit_events_action_check;
	execute format('alter table public.audit_events add constraint audit_events_action_check check (action = any (%L::text[]))',
		allowed || array['trial_bookings_viewed']);
end;
$$;
