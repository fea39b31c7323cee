-- Guardians kept informed: at consent the guardian may choose a monthly digest of the child's club activity (and
-- the language it comes in); links mailed to the guardian let them unsubscribe in one click (RFC 8058) and ask for
-- the child's data or its deletion. Everything is keyed by the child's application: it exists from the consent on,
-- and the member made from it points back to it (members.application_id).

-- The guardian's choice at consent, with its time; unsubscribing keeps the row (when, not why).
create table public.guardian_preferences (
	application_id uuid primary key references public.member_applications (id) on delete cascade,
	locale text not null check (locale in ('ja', 'en')),
	digest boolean not null,
	chosen_at timestamptz not null,
	unsubscribed_at timestamptz,
	check (unsubscribed_at is null or digest)
);
-- The digest job's candidates.
create index guardian_preferences_digest_idx on public.guardian_preferences (chosen_at) where digest and unsubscribed_at is null;

-- Mailed links: only a SHA-256 of the token is kept; each link serves one child and one purpose.
create table public.guardian_links (
	token_hash bytea primary key,
	application_id uuid not null references public.member_applications (id) on delete cascade,
	purpose text not null check (purpose in ('unsubscribe', 'data', 'export')),
	created_at timestamptz not null default now(),
	expires_at timestamptz not null,
	check (expires_at > created_at)
);
create index guardian_links_application_idx on public.guardian_links (application_id);
create index guardian_links_expires_idx on public.guardian_links (expires_at);

-- One digest per child and month: the row is written in the transaction that puts the mail in the outbox, so a
-- second run (or a second web server) finds it and sends nothing.
create table public.guardian_digests (
	application_id uuid not null references public.member_applications (id) on delete cascade,
	month text not null check (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
	sent_at timestamptz not null default now(),
	primary key (application_id, month)
);

alter table public.guardian_preferences enable row level security;
alter table public.guardian_links enable row level security;
alter table public.guardian_digests enable row level security;
revoke all on public.guardian_preferences from anon, authenticated;
revoke all on public.guardian_links from anon, authenticated;
revoke all on public.guardian_digests from anon, authenticated;

-- Mail headers beyond From/To/Subject (List-Unsubscribe and List-Unsubscribe-Post for the digest), name → value.
alter table public.outbox_mail add column headers jsonb not null default '{}'::jsonb;
