-- A sign-up is a mailed link until the owner of the address opens it and chooses a name and a password. Until then
-- no account exists, so registration can answer the same for a new and for an existing address (the owner of an
-- existing one gets a mail instead), and nobody can hold an account on an address they cannot read.
create table public.registration_links (
	token_hash bytea primary key,
	email text not null,
	locale text not null check (locale in ('ja', 'en')),
	intent text check (intent in ('student', 'mentor')),
	created_at timestamptz not null default now(),
	expires_at timestamptz not null,
	used_at timestamptz
);
create index registration_links_email_idx on public.registration_links (lower(email));
create index registration_links_expires_at_idx on public.registration_links (expires_at);

alter table public.registration_links enable row level security;
revoke all on public.registration_links from anon, authenticated;
