-- When a coordinator first opened a mentor application: the applicant's status page tells "received" from "under
-- review" by it. Set once, by the first coordinator to open the application (mentoring/applications.ts).
alter table public.mentor_applications add column if not exists first_viewed_at timestamptz;
