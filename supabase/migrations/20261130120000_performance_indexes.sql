-- Indexes found missing by measuring the pages on a club at full size (`npm run bench:web`, 10,000 members and
-- 1,000,000 submissions) and checked by src/lib/server/performance/indexes.spec.ts, which fails on any sequential
-- scan of a large table behind those pages. The dashboard's counts read whole tables by design; these let them read
-- a small index instead of the table (index-only scans).

-- Weekly activity (dashboard): twelve weeks of submissions with who and which mode, without visiting the table.
create index if not exists submissions_activity_idx on public.submissions (created_at) include (user_id, mode);

-- Current members by school, grade and gender (dashboard): only the columns those counts group by.
create index if not exists members_current_profile_idx on public.members (status) include (school_code, grade, grade_school_year, gender);

-- Anonymised members (dashboard): a handful of rows out of thousands.
create index if not exists members_anonymised_idx on public.members (anonymised_at) where anonymised_at is not null;

-- People holding a role (dashboard's mentor count, role lists): the primary key starts with user_id instead.
create index if not exists user_roles_role_idx on public.user_roles (role, user_id);

-- Accounts that are not disabled (mentor counts and lists join role holders to them). Without it the planner hashes
-- the whole users table to check a hundred mentors; with it each check is one lookup in a narrow index.
create index if not exists users_enabled_idx on public.users (id) where disabled_at is null;
