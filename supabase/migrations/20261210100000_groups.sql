-- Groups: a school's computer club, a 活動日 cohort, a beginners' class. Coordinators make them and add students and
-- mentors; students join with a code. The group's mentors (and coordinators) see its progress page.
create table public.groups (
	id uuid primary key default gen_random_uuid(),
	name text not null check (char_length(name) between 1 and 80),
	description text check (char_length(description) <= 500),
	created_by uuid references public.users (id) on delete set null,
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now(),
	-- An archived group keeps its members and history but takes no one new and leaves mentors' and students' lists.
	archived_at timestamptz,
	-- Kept by the triggers on group_members below: a group of the whole club has thousands.
	member_count integer not null default 0 check (member_count >= 0)
);
create index groups_created_by_idx on public.groups (created_by);
create index groups_active_name_idx on public.groups (name) where archived_at is null;

create table public.group_members (
	group_id uuid not null references public.groups (id) on delete cascade,
	user_id uuid not null references public.users (id) on delete cascade,
	joined_at timestamptz not null default now(),
	-- The coordinator who added the student; null when the student joined with a code.
	added_by uuid references public.users (id) on delete set null,
	primary key (group_id, user_id)
);
-- A person's groups, and the cascade from users.
create index group_members_user_idx on public.group_members (user_id);
-- The progress page lists a group's members in the order they joined, a page at a time.
create index group_members_joined_idx on public.group_members (group_id, joined_at, user_id);
create index group_members_added_by_idx on public.group_members (added_by);

-- Counts members per statement (a coordinator's bulk change, a cascade from users), whoever writes the rows. Two
-- joins at once wait on the group's row in turn, so the count stays exact.
create function public.count_group_members() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
	if tg_op = 'INSERT' then
		update public.groups set member_count = groups.member_count + counted.members
		from (select group_id, count(*)::int as members from added group by group_id) as counted
		where groups.id = counted.group_id;
	else
		update public.groups set member_count = groups.member_count - counted.members
		from (select group_id, count(*)::int as members from removed group by group_id) as counted
		where groups.id = counted.group_id;
	end if;
	return null;
end;
$$;
create trigger group_members_count_added after insert on public.group_members
	referencing new table as added for each statement execute function public.count_group_members();
create trigger group_members_count_removed after delete on public.group_members
	referencing old table as removed for each statement execute function public.count_group_members();

create table public.group_mentors (
	group_id uuid not null references public.groups (id) on delete cascade,
	user_id uuid not null references public.users (id) on delete cascade,
	assigned_at timestamptz not null default now(),
	assigned_by uuid references public.users (id) on delete set null,
	primary key (group_id, user_id)
);
create index group_mentors_user_idx on public.group_mentors (user_id);
create index group_mentors_assigned_by_idx on public.group_mentors (assigned_by);

-- Join codes are shown once, when made, and kept only as their SHA-256 (a code has about 49 bits, and attempts are
-- rate-limited, so a hash without salt is enough to make a stolen table useless). A new code revokes the older ones.
create table public.group_join_codes (
	id bigint generated always as identity primary key,
	group_id uuid not null references public.groups (id) on delete cascade,
	code_hash bytea not null unique,
	expires_at timestamptz not null,
	created_by uuid references public.users (id) on delete set null,
	created_at timestamptz not null default now(),
	revoked_at timestamptz,
	check (expires_at > created_at)
);
create index group_join_codes_group_idx on public.group_join_codes (group_id, created_at desc);
create index group_join_codes_created_by_idx on public.group_join_codes (created_by);

alter table public.groups enable row level security;
alter table public.group_members enable row level security;
alter table public.group_mentors enable row level security;
alter table public.group_join_codes enable row level security;
revoke all on public.groups, public.group_members, public.group_mentors, public.group_join_codes from anon, authenticated;
revoke all on all sequences in schema public from anon, authenticated;

-- Views of a group's progress page are audited. The allowed actions are read back from the constraint and extended,
-- so that this migration keeps whatever actions other migrations added before it.
do $$
declare
	allowed text[];
begin
	select array_agg(distinct matched[1]) into allowed
	from pg_constraint, regexp_matches(pg_get_constraintdef(pg_constraint.oid), '''([a-z_]+)''', 'g') as matched
	where pg_constraint.conname = 'audit_events_action_check' and pg_constraint.conrelid = 'public.audit_events'::regclass;
	alter table public.audit_events drop constraint audit_events_action_check;
	execute format('alter table public.audit_events add constraint audit_events_action_check check (action = any (%L::text[]))',
		array(select distinct unnest(allowed || array['group_viewed']) order by 1));
end;
$$;
