-- Indexes found missing by EXPLAIN on a club at full size (`npm run seed:large`: 10,000 members, 2,000 review
-- discussions) for the review pages checked by src/lib/server/performance/indexes.spec.ts.

-- Discussions being reviewed and waiting on a student (the coordinators' backlog counts them, reviews/backlog.ts):
-- a handful of open requests among closed ones that pile up every year. Without it the count reads the whole table;
-- with it, a small index without visiting the table (touched_at tells a live claim from a lapsed one).
create index if not exists review_requests_open_status_idx on public.review_requests (status) include (touched_at) where status <> 'closed';
