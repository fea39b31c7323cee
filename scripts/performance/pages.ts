// The domain calls behind the pages `npm run bench:web` loads, and behind the review queue and backlog, one entry per
// page, as their routes' loads make them (keep in step with the +page.server.ts files named here).
// The EXPLAIN test runs these and checks the plan of every statement they issue.
import type { Database } from '../../src/lib/server/db';
import { validateSessionToken } from '../../src/lib/server/auth/session';
import { buildReport } from '../../src/lib/server/dashboard/report';
import { readFunnel } from '../../src/lib/server/dashboard/funnel';
import { membersByMonth } from '../../src/lib/server/dashboard/aggregates';
import { getTarget } from '../../src/lib/server/dashboard/target';
import { japanDate } from '../../src/lib/japan-time';
import { countApplicationsByStatus } from '../../src/lib/server/membership/applications';
import { listMembers } from '../../src/lib/server/membership/members';
import { viewSubmission } from '../../src/lib/server/judge/view';
import { catalogEntries, nextInCurriculum } from '../../src/lib/server/exercises/catalog';
import { recentSubmits, submitStreak } from '../../src/lib/server/exercises/profile';
import { studentBadges } from '../../src/lib/server/badges/awards';
import { openWorkspace } from '../../src/lib/server/exercises/workspace';
import { attendanceSummary } from '../../src/lib/server/club-sessions/summary';
import { listSessions } from '../../src/lib/server/club-sessions';
import { sharedPagesVersion } from '../../src/lib/server/caching/shared';
import { listMentorApplications } from '../../src/lib/server/mentoring/applications';
import { mentorsByOrganisation } from '../../src/lib/server/mentoring/mentors';
import { reviewBacklog, reviewsByMentor } from '../../src/lib/server/reviews/backlog';
import { countQueue, listMentorRequests, listQueue, queueExercises } from '../../src/lib/server/reviews/queue';
import { viewGroupProgress } from '../../src/lib/server/groups/progress';
import { getContest } from '../../src/lib/server/contests/contests';
import { findEntry } from '../../src/lib/server/contests/entries';
import { exerciseHold } from '../../src/lib/server/contests/access';
import { computeStandings, entryResults } from '../../src/lib/server/contests/scoring';
import { benchContestId, exerciseSlug, groupId } from './large-dataset';
import type { BenchmarkPeople } from './logins';

export interface PageWork {
	page: string;
	run(db: Database, people: BenchmarkPeople): Promise<unknown>;
}

export const pagesUnderLoad: PageWork[] = [
	{ page: 'any signed-in request (session)', run: (db, people) => validateSessionToken(db, people.student.token) },
	{
		page: 'coordinator dashboard (/coordinator)',
		run: (db) =>
			Promise.all([
				buildReport(db),
				countApplicationsByStatus(db),
				listMembers(db, { deletionRequested: true }, { limit: 1 }),
				attendanceSummary(db),
				mentorsByOrganisation(db),
				listMentorApplications(db),
				reviewBacklog(db, 'ja'),
				sharedPagesVersion(db)
			])
	},
	{
		// What the funnel page reads once per change or minute (dashboard/funnel-report.ts readFunnelSource).
		page: 'coordinator funnel (/coordinator/funnel)',
		run: (db) => Promise.all([sharedPagesVersion(db), readFunnel(db, japanDate()), membersByMonth(db, japanDate()), getTarget(db)])
	},
	{
		page: 'visitor home (/), when its stored copy is out of date',
		run: (db) => Promise.all([sharedPagesVersion(db), listSessions(db, { from: new Date(), includeCancelled: false, limit: 3 })])
	},
	{
		page: 'mentor review queue (/mentor/reviews), and its count on /mentor',
		run: (db, people) =>
			Promise.all([
				listQueue(db, {}, 'ja'),
				listQueue(db, { language: 'python', exerciseSlug: exerciseSlug(1) }, 'ja'),
				queueExercises(db, 'ja'),
				listMentorRequests(db, people.mentor.id, 'ja'),
				countQueue(db)
			])
	},
	{
		page: 'coordinator reviews (/coordinator/reviews)',
		run: (db) => Promise.all([reviewBacklog(db, 'ja'), reviewsByMentor(db)])
	},
	{
		page: 'exercise page (/exercises/[slug])',
		run: (db, people) =>
			Promise.all([
				openWorkspace(db, exerciseSlug(1), { userId: people.student.id, includeUnpublished: false, locale: 'ja' }),
				exerciseHold(db, exerciseSlug(1), { id: people.student.id, roles: ['student'] }),
				nextInCurriculum(db, people.student.id, exerciseSlug(1))
			])
	},
	{
		// What each server computes at most every few seconds per contest and shares (contests/scoreboard.ts); the
		// scoreboard page itself then only checks the session.
		page: 'contest scoreboard (/contests/[id]/scoreboard), when its shared copy is out of date',
		run: (db) => Promise.all([getContest(db, benchContestId), computeStandings(db, benchContestId)])
	},
	{
		page: 'contest page (/contests/[id])',
		run: (db, people) =>
			Promise.all([getContest(db, benchContestId), findEntry(db, benchContestId, people.student.id), entryResults(db, benchContestId, people.student.id)])
	},
	{
		page: 'catalog (/exercises)',
		// The list, its filters, the progress and the next exercise all come from this one query.
		run: (db, people) => catalogEntries(db, people.student.id)
	},
	{
		page: 'student profile (/student)',
		run: (db, people) =>
			Promise.all([
				catalogEntries(db, people.student.id),
				submitStreak(db, people.student.id),
				recentSubmits(db, people.student.id),
				studentBadges(db, people.student.id)
			])
	},
	{
		// Group 1 is the whole club; mentor 1 is assigned to it. The figures per exercise are computed here (the first
		// view on this database), then shared for a minute.
		page: 'group progress (/groups/[id]), the whole club as one group',
		run: (db, people) => viewGroupProgress(db, { id: people.mentor.id, displayName: 'メンター1', roles: ['mentor'] }, groupId(1))
	},
	{
		page: 'GET /api/submissions/{id}',
		run: (db, people) => viewSubmission(db, people.submissionId, { id: people.student.id, roles: ['student'] })
	}
];
