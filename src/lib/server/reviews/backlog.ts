// What coordinators watch: how many requests wait and for how long, the ones waiting past the highlight setting,
// and how many reviews each mentor and each partner organisation has posted.
import { and, asc, count, eq, inArray, isNotNull, min, sql } from 'drizzle-orm';
import type { Database } from '../db';
import { users, exercises } from '../db/schema';
import * as audit from '../audit';
import { mentors, partnerOrganisations } from '../mentoring/schema';
import { isUuid } from '../ids';
import { studentPublicProfiles } from '../mentoring';
import { availableCondition, claimLapsesBefore } from './access';
import { reviewComments, reviewRequests, reviewSettings, type ReviewKind } from './schema';

export async function getHighlightDays(db: Database): Promise<number> {
	const [row] = await db.select({ days: reviewSettings.highlightAfterDays }).from(reviewSettings).where(eq(reviewSettings.singleton, true));
	return row?.days ?? 3;
}

export async function setHighlightDays(db: Database, actor: audit.Actor, days: number): Promise<void> {
	await db.transaction(async (tx) => {
		const from = await getHighlightDays(tx);
		await tx
			.insert(reviewSettings)
			.values({ singleton: true, highlightAfterDays: days, updatedBy: actor.id })
			.onConflictDoUpdate({ target: reviewSettings.singleton, set: { highlightAfterDays: days, updatedAt: new Date(), updatedBy: actor.id } });
		await audit.record(tx, actor, 'review_settings_changed', { detail: { fromDays: from, toDays: days } });
	});
}

export interface OverdueRequest {
	id: string;
	kind: ReviewKind;
	exerciseTitle: string;
	waitingSince: Date;
}

export interface ReviewBacklog {
	/** Free to claim (waiting, or a lapsed claim). */
	waiting: number;
	/** A mentor is on it. */
	claimed: number;
	/** Waiting on the student after "needs changes". */
	answered: number;
	oldestWaitingSince: Date | null;
	highlightAfterDays: number;
	/** Free requests waiting longer than the setting, oldest first (at most 20). */
	overdue: OverdueRequest[];
	overdueCount: number;
}

export async function reviewBacklog(db: Database, locale: 'ja' | 'en', now = new Date()): Promise<ReviewBacklog> {
	const highlightAfterDays = await getHighlightDays(db);
	const overdueBefore = new Date(now.getTime() - highlightAfterDays * 24 * 60 * 60 * 1000);
	const free = availableCondition(now);
	const overdueWhere = and(free, sql`${reviewRequests.waitingSince} < ${overdueBefore.toISOString()}::timestamptz`);
	const [[waiting], [states], overdue, [overdueTotal]] = await Promise.all([
		db
			.select({ count: count(), oldest: min(reviewRequests.waitingSince) })
			.from(reviewRequests)
			.where(free),
		db
			.select({
				claimed:
					sql<number>`count(*) filter (where ${reviewRequests.status} = 'claimed' and ${reviewRequests.touchedAt} >= ${claimLapsesBefore(now).toISOString()}::timestamptz)`.mapWith(
						Number
					),
				answered: sql<number>`count(*) filter (where ${reviewRequests.status} = 'answered')`.mapWith(Number)
			})
			.from(reviewRequests)
			.where(sql`${reviewRequests.status} in ('claimed', 'answered')`),
		db
			.select({
				id: reviewRequests.id,
				kind: reviewRequests.kind,
				waitingSince: reviewRequests.waitingSince,
				exerciseTitle: locale === 'en' ? exercises.titleEn : exercises.titleJa
			})
			.from(reviewRequests)
			.innerJoin(exercises, eq(exercises.id, reviewRequests.exerciseId))
			.where(overdueWhere)
			.orderBy(asc(reviewRequests.waitingSince))
			.limit(20),
		db.select({ count: count() }).from(reviewRequests).where(overdueWhere)
	]);
	const oldest = waiting?.oldest ?? null;
	return {
		waiting: waiting?.count ?? 0,
		claimed: states?.claimed ?? 0,
		answered: states?.answered ?? 0,
		oldestWaitingSince: oldest === null ? null : new Date(oldest),
		highlightAfterDays,
		overdue,
		overdueCount: overdueTotal?.count ?? 0
	};
}

export interface ReviewerCount {
	userId: string;
	name: string;
	organisation: string | null;
	reviews: number;
	lastReviewAt: Date;
}

/** Posted reviews per mentor (an overall comment with its outcome counts as one), most first. */
export async function reviewsByMentor(db: Database): Promise<ReviewerCount[]> {
	const rows = await db
		.select({
			userId: reviewComments.authorId,
			name: users.displayName,
			partnerName: partnerOrganisations.name,
			organisationOther: mentors.organisationOther,
			reviews: sql<number>`count(*)::int`.mapWith(Number),
			lastReviewAt: sql<Date>`max(${reviewComments.publishedAt})`.mapWith((value) => new Date(value))
		})
		.from(reviewComments)
		.innerJoin(users, eq(users.id, reviewComments.authorId))
		.leftJoin(mentors, eq(mentors.userId, reviewComments.authorId))
		.leftJoin(partnerOrganisations, eq(partnerOrganisations.id, mentors.organisationId))
		.where(and(isNotNull(reviewComments.outcome), isNotNull(reviewComments.publishedAt)))
		.groupBy(reviewComments.authorId, users.displayName, partnerOrganisations.name, mentors.organisationOther)
		.orderBy(sql`count(*) desc`, asc(users.displayName));
	return rows.map((row) => ({
		userId: row.userId!,
		name: row.name,
		organisation: row.partnerName ?? row.organisationOther ?? null,
		reviews: row.reviews,
		lastReviewAt: row.lastReviewAt
	}));
}

/** The same reviews by the mentor's organisation (a partner, or the one typed in); null for mentors without one. */
export function reviewsByOrganisation(byMentor: ReviewerCount[]): { organisation: string | null; reviews: number; mentors: number }[] {
	const groups = new Map<string | null, { reviews: number; mentors: number }>();
	for (const row of byMentor) {
		const group = groups.get(row.organisation) ?? { reviews: 0, mentors: 0 };
		group.reviews += row.reviews;
		group.mentors += 1;
		groups.set(row.organisation, group);
	}
	return [...groups]
		.map(([organisation, group]) => ({ organisation, ...group }))
		.sort((a, b) => Number(a.organisation === null) - Number(b.organisation === null) || b.reviews - a.reviews);
}

/** How the audit log names review discussions: the exercise (in `locale`) and the student's nickname, by request id. */
export async function requestLabels(db: Database, requestIds: string[], locale: 'ja' | 'en'): Promise<Record<string, { exercise: string; student: string }>> {
	const ids = [...new Set(requestIds.filter(isUuid))];
	if (ids.length === 0) return {};
	const rows = await db
		.select({ id: reviewRequests.id, studentId: reviewRequests.studentId, exercise: locale === 'en' ? exercises.titleEn : exercises.titleJa })
		.from(reviewRequests)
		.innerJoin(exercises, eq(exercises.id, reviewRequests.exerciseId))
		.where(inArray(reviewRequests.id, ids));
	const profiles = await studentPublicProfiles(
		db,
		rows.map((row) => row.studentId)
	);
	return Object.fromEntries(rows.map((row) => [row.id, { exercise: row.exercise, student: profiles[row.studentId]?.nickname ?? '?' }]));
}
