-- The portal's server is the only client of its data. On Supabase the project's anon key is public (it ships to
-- browsers for Supabase Auth), so the `anon` and `authenticated` roles must read and write nothing: row-level
-- security is on for every table with no policy for them, and their table privileges are revoked as well.
-- Every later migration that creates a table must enable row-level security on it (a test checks all tables).

-- Supabase has these roles; a plain PostgreSQL or PGlite gets them so the same policies can be tested there.
do $$
begin
	begin
		create role anon nologin noinherit;
	exception when duplicate_object or unique_violation then null;
	end;
	begin
		create role authenticated nologin noinherit;
	exception when duplicate_object or unique_violation then null;
	end;
end
$$;

do $$
declare
	target record;
begin
	for target in select schemaname, tablename from pg_tables where schemaname in ('public', 'supabase_migrations') loop
		execute format('alter table %I.%I enable row level security', target.schemaname, target.tablename);
		execute format('revoke all on table %I.%I from anon, authenticated', target.schemaname, target.tablename);
	end loop;
end
$$;

revoke all on all sequences in schema public from anon, authenticated;
revoke all on all functions in schema public from anon, authenticated;
alter default privileges in schema public revoke all on tables from anon, authenticated;
alter default privileges in schema public revoke all on sequences from anon, authenticated;
alter default privileges in schema public revoke all on functions from anon, authenticated;
