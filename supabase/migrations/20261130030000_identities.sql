-- Links a portal account to an outside identity (a Supabase Auth user). Roles never come from there.
create table public.user_identities (
	provider text not null check (provider in ('supabase')),
	subject text not null,
	user_id uuid not null references public.users (id) on delete cascade,
	email text not null,
	created_at timestamptz not null default now(),
	last_sign_in_at timestamptz,
	primary key (provider, subject)
);
create index user_identities_user_id_idx on public.user_identities (user_id);
