// Everything the coordinators' dashboard page shows, computed by each server once per change of what it counts (and at
// least once a minute) and shared by every coordinator (caching/shared.ts), with the time it was computed: at 10,000 members the
// figures are about twenty queries reading whole tables, which under load made the dashboard 60 times slower than a
// page without database work.
import type { Database } from '../db';
import * as membership from '../membership';
import * as mentoring from '../mentoring';
import * as reviews from '../reviews';
import * as sessions from '../club-sessions';
import { japanDate } from '../../japan-time';
import { buildReport, pageReportOptions } from './report';
import { computeShared, sharedPagesVersion } from '../caching';

/** How long the dashboard's figures are reused. */
export const overviewMaxAgeMs = 60_000;

export async function dashboardOverview(db: Database, locale: 'ja' | 'en', now = new Date()) {
	const version = await sharedPagesVersion(db);
	const { value, computedAt } = await computeShared(
		db,
		`overview ${locale} ${japanDate(now)}`,
		{ maxAgeMs: overviewMaxAgeMs, version, now: now.getTime() },
		() => computeOverview(db, locale, now)
	);
	return { ...value, computedAt };
}

async function computeOverview(db: Database, locale: 'ja' | 'en', now: Date) {
	const [report, applications, deletions, attendance, mentorsByOrganisation, mentorApplications, reviewBacklog] = await Promise.all([
		buildReport(db, now, pageReportOptions),
		membership.countApplicationsByStatus(db),
		membership.listMembers(db, { deletionRequested: true }, { limit: 1 }),
		sessions.attendanceSummary(db, now),
		mentoring.mentorsByOrganisation(db),
		mentoring.listMentorApplications(db),
		reviews.reviewBacklog(db, locale, now)
	]);
	return {
		report,
		awaitingReview: applications.awaiting_review ?? 0,
		deletionRequests: deletions.total,
		attendance,
		mentorsByOrganisation,
		mentorApplications: mentorApplications.length,
		reviewBacklog
	};
}
