-- Coordinators' views of trial bookings (nicknames, schools, guardians' addresses) are audited. The allowed actions
-- are read back from the constraint as it stands, in either of the forms PostgreSQL shows it (a list of quoted words
-- from `in (...)`, or one array literal '{a,b}' from `= any (...)`), so the actions other migrations added before this
-- one are kept. It is written back as `in (...)`, whose quoted words later migrations can read the same way.
do $$
declare
	definition text;
	allowed text[];
begin
	select pg_get_constraintdef(oid) into definition
	from pg_constraint
	where conname = 'audit_events_action_check' and conrelid = 'public.audit_events'::regclass;
	if definition ~ '''\{' then
		allowed := string_to_array(substring(definition from '''\{([^}]*)\}'''), ',');
	else
		select array_agg(matched[1]) into allowed from regexp_matches(definition, '''([a-z_]+)''', 'g') as matched;
	end if;
	allowed := array(select distinct unnest(allowed || array['trial_bookings_viewed']) order by 1);
	alter table public.audit_events drop constraint audit_events_action_check;
	execute format('alter table public.audit_events add constraint audit_events_action_check check (action in (%s))',
		(select string_agg(quote_literal(action), ', ') from unnest(allowed) as action));
end;
$$;
