// The domain calls behind the pages `npm run bench:web` loads, and behind the review queue and backlog, one entry per
// page, as their routes' loads make them (keep in step with the +page.server.ts files named here).
// The EXPLAIN test runs these and checks the plan of every statement they issue.
import type { Database } from '../db';
import { validateSessionToken } from '../auth/session';
import { buildReport } from '../dashboard/report';
import { countApplicationsByStatus } from '../membership/applications';
import { listMembers } from '../membership/members';
import { viewSubmission } from '../judge/view';
import { listCatalog, nextInCurriculum, nextSuggestedExercise, topicProgress } from '../exercises/catalog';
import { recentSubmits, submitStreak } from '../exercises/profile';
import { openWorkspace } from '../exercises/workspace';
import { attendanceSummary } from '../sessions/summary';
import { listMentorApplications } from '../mentoring/applications';
import { mentorsByOrganisation } from '../mentoring/mentors';
import { reviewBacklog, reviewsByMentor } from '../reviews/backlog';
import { countQueue, listMentorRequests, listQueue, queueExercises } from '../reviews/queue';
import { exerciseSlug } from './large-dataset';
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
				reviewBacklog(db, 'ja')
			])
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
				nextInCurriculum(db, people.student.id, exerciseSlug(1))
			])
	},
	{
		page: 'catalog (/exercises)',
		run: (db, people) =>
			Promise.all([listCatalog(db, people.student.id), topicProgress(db, people.student.id), nextSuggestedExercise(db, people.student.id)])
	},
	{
		page: 'student profile (/student)',
		run: (db, people) =>
			Promise.all([
				topicProgress(db, people.student.id),
				submitStreak(db, people.student.id),
				recentSubmits(db, people.student.id),
				nextSuggestedExercise(db, people.student.id)
			])
	},
	{
		page: 'GET /api/submissions/{id}',
		run: (db, people) => viewSubmission(db, people.submissionId, { id: people.student.id, roles: ['student'] })
	}
];
