-- Foundation: people, roles, sessions, one-time auth links, rate limiting, mail outbox.

create table public.users (
	id uuid primary key default gen_random_uuid(),
	email text not null,
	email_verified_at timestamptz,
	password_hash text,
	display_name text not null,
	locale text not null default 'ja' check (locale in ('ja', 'en')),
	disabled_at timestamptz,
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now()
);
-- Emails are unique regardless of case; the address is kept as the person typed it.
create unique index users_email_key on public.users (lower(email));

create table public.user_roles (
	user_id uuid not null references public.users (id) on delete cascade,
	role text not null check (role in ('student', 'mentor', 'coordinator')),
	granted_at timestamptz not null default now(),
	primary key (user_id, role)
);

create table public.sessions (
	id text primary key,
	secret_hash bytea not null,
	user_id uuid not null references public.users (id) on delete cascade,
	created_at timestamptz not null default now(),
	expires_at timestamptz not null
);
create index sessions_user_id_idx on public.sessions (user_id);
create index sessions_expires_at_idx on public.sessions (expires_at);

-- Single-use links sent by mail (email verification, password reset); only a hash of the token is kept.
create table public.auth_tokens (
	token_hash bytea primary key,
	purpose text not null check (purpose in ('verify_email', 'reset_password')),
	user_id uuid not null references public.users (id) on delete cascade,
	email text not null,
	created_at timestamptz not null default now(),
	expires_at timestamptz not null,
	used_at timestamptz
);
create index auth_tokens_user_id_idx on public.auth_tokens (user_id, purpose);

create table public.rate_limit_hits (
	bucket text not null,
	hit_at timestamptz not null default now()
);
create index rate_limit_hits_bucket_idx on public.rate_limit_hits (bucket, hit_at);

create table public.outbox_mail (
	id bigint generated always as identity primary key,
	kind text not null,
	to_address text not null,
	subject text not null,
	text_body text not null,
	created_at timestamptz not null default now(),
	next_attempt_at timestamptz not null default now(),
	attempts integer not null default 0,
	last_error text,
	locked_until timestamptz,
	sent_at timestamptz
);
create index outbox_mail_pending_idx on public.outbox_mail (next_attempt_at) where sent_at is null;
create index outbox_mail_to_address_idx on public.outbox_mail (lower(to_address), created_at desc);
