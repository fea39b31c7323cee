// A student's badges: every badge of the catalogue with how far along they are, the ones earned since they were last
// told (for the celebration after a correct answer), and the earned ones alone for the people allowed to see them.
// Awarding itself is the database's (award_badges in the migration); `awardEarnedBadges` runs it on demand.
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { selectRows, type Database } from '../db';
import { topics } from '../exercises';
import { badgeDefinitions, badgeId, badgeKinds, parseBadgeId, type BadgeStatus, type EarnedBadge } from '../../badges/catalogue';
import { badgeAwards } from './schema';

/** How long a badge reads as new on the profile after the student was first shown it. */
const newFor = 24 * 60 * 60 * 1000;

const topicTitles = new Map<string, { ja: string; en: string }>(topics.map((topic) => [topic.id, topic.title]));

/** The earned badge of a stored award; null for one this version does not know (e.g. a topic since removed). */
function earnedBadge(award: { badge: string; awardedAt: Date }): EarnedBadge | null {
	const parsed = parseBadgeId(award.badge);
	if (!parsed) return null;
	const topic = parsed.topic === null ? null : (topicTitles.get(parsed.topic) ?? null);
	if (parsed.kind === 'topic' && !topic) return null;
	return { id: award.badge, kind: parsed.kind, topic, earnedAt: award.awardedAt };
}

interface Counts {
	solved: number;
	sessions: number;
	reviews: number;
	dncl_solved: number;
	dncl_total: number;
}

/** What the badges' progress counts, in two statements: the person's totals, and their solved exercises per topic. */
async function progressCounts(db: Database, userId: string) {
	const [counts] = await selectRows<Counts>(
		db,
		sql`select
				(select count(*)::int from exercise_progress where user_id = ${userId} and solved_at is not null) as solved,
				(select count(*)::int from session_participants
					where user_id = ${userId} and role = 'student' and checked_in_at is not null) as sessions,
				(select count(*)::int from review_requests where student_id = ${userId} and closed_reason = 'approved') as reviews,
				(select count(*)::int from exercises as exercise
					where exercise.published and 'dncl' = any (exercise.languages) and exists (
						select 1 from submissions
						where submissions.user_id = ${userId} and submissions.exercise_id = exercise.id
							and submissions.mode = 'submit' and submissions.language = 'dncl' and submissions.verdict = 'AC')) as dncl_solved,
				(select count(*)::int from exercises where published and 'dncl' = any (languages)) as dncl_total`
	);
	const perTopic = await selectRows<{ topic: string; total: number; solved: number }>(
		db,
		sql`select exercise.topics[1] as topic, count(*)::int as total, count(progress.solved_at)::int as solved
			from exercises as exercise
			left join exercise_progress as progress on progress.exercise_id = exercise.id and progress.user_id = ${userId}
			where exercise.published and cardinality(exercise.topics) > 0
			group by 1`
	);
	return { counts: counts!, perTopic: new Map(perTopic.map((row) => [row.topic, row])) };
}

/**
 * Every badge for the student's own profile, in the catalogue's order (topics in the curriculum's): earned ones with
 * their date, the others with how far along they are. Those not shown before are marked as shown now.
 */
export async function studentBadges(db: Database, userId: string, now = new Date()): Promise<BadgeStatus[]> {
	const [awards, { counts, perTopic }] = await Promise.all([db.select().from(badgeAwards).where(eq(badgeAwards.userId, userId)), progressCounts(db, userId)]);
	const held = new Map(awards.map((award) => [award.badge, award]));
	const statuses: BadgeStatus[] = [];
	const add = (id: string, kind: BadgeStatus['kind'], topic: BadgeStatus['topic'], current: number, goal: number) => {
		const award = held.get(id);
		const isNew = award ? award.announcedAt === null || now.getTime() - award.announcedAt.getTime() < newFor : false;
		statuses.push({ id, kind, topic, current: award ? goal : Math.min(current, goal), goal, earnedAt: award?.awardedAt ?? null, isNew });
	};
	for (const kind of badgeKinds) {
		const definition = badgeDefinitions[kind];
		if (kind === 'topic') {
			for (const topic of topics) {
				const id = badgeId('topic', topic.id);
				const row = perTopic.get(topic.id);
				// A topic without published exercises has no badge to earn, unless it was earned before.
				if (row || held.has(id)) add(id, kind, topic.title, row?.solved ?? 0, Math.max(row?.total ?? 1, 1));
			}
		} else if (kind === 'dncl_all') {
			if (counts.dncl_total > 0 || held.has(kind)) add(kind, kind, null, counts.dncl_solved, Math.max(counts.dncl_total, 1));
		} else {
			const measured = { solved: counts.solved, sessions: counts.sessions, reviews: counts.reviews }[definition.measure as 'solved' | 'sessions' | 'reviews'];
			add(kind, kind, null, measured, definition.goal!);
		}
	}
	if (awards.some((award) => award.announcedAt === null)) {
		await db
			.update(badgeAwards)
			.set({ announcedAt: now })
			.where(and(eq(badgeAwards.userId, userId), isNull(badgeAwards.announcedAt)));
	}
	return statuses;
}

/**
 * The badges the student earned and has not been shown yet, marked as shown: the celebration after a correct answer
 * tells them once (two tabs asking at once get them once between them: the update decides).
 */
export async function announceNewBadges(db: Database, userId: string, now = new Date()): Promise<EarnedBadge[]> {
	const announced = await db
		.update(badgeAwards)
		.set({ announcedAt: now })
		.where(and(eq(badgeAwards.userId, userId), isNull(badgeAwards.announcedAt)))
		.returning({ badge: badgeAwards.badge, awardedAt: badgeAwards.awardedAt });
	return announced.sort((a, b) => a.awardedAt.getTime() - b.awardedAt.getTime() || a.badge.localeCompare(b.badge)).flatMap((award) => earnedBadge(award) ?? []);
}

/** The earned badges of each person, oldest first, without progress: for people who may see that they were earned. */
export async function earnedBadges(db: Database, userIds: string[]): Promise<Record<string, EarnedBadge[]>> {
	const earned: Record<string, EarnedBadge[]> = Object.fromEntries(userIds.map((id) => [id, []]));
	if (userIds.length === 0) return earned;
	const rows = await db
		.select({ userId: badgeAwards.userId, badge: badgeAwards.badge, awardedAt: badgeAwards.awardedAt })
		.from(badgeAwards)
		.where(inArray(badgeAwards.userId, userIds))
		.orderBy(asc(badgeAwards.awardedAt), asc(badgeAwards.badge));
	for (const row of rows) {
		const badge = earnedBadge(row);
		if (badge) earned[row.userId]!.push(badge);
	}
	return earned;
}

/**
 * Awards whatever the given people (everyone, without) have earned and do not hold yet. The database does this by
 * itself whenever a milestone is written; this is for data written around it (a restored backup) and is safe to run
 * at any time, as often as wanted.
 */
export async function awardEarnedBadges(db: Database, userIds?: string[]): Promise<void> {
	const people = userIds
		? sql`array[${sql.join(
				userIds.map((id) => sql`${id}::uuid`),
				sql`, `
			)}]::uuid[]`
		: sql`array(select id from public.users order by id)`;
	await db.execute(sql`select public.award_badges(${people})`);
}

/** The person's awards for their own data download: each badge's id, when it was earned and when they were shown it. */
export async function exportOwnBadges(db: Database, userId: string) {
	return db
		.select({ badge: badgeAwards.badge, awardedAt: badgeAwards.awardedAt, announcedAt: badgeAwards.announcedAt })
		.from(badgeAwards)
		.where(eq(badgeAwards.userId, userId))
		.orderBy(asc(badgeAwards.awardedAt), asc(badgeAwards.badge));
}

/**
 * The earned badges of the student who asked for a review, for the mentor's review page, where the mentor already
 * sees the student's nickname, grade and submissions. The caller has checked that the viewer may open the
 * discussion (reviews.openDiscussion); this shows nothing more than which badges were earned, and when.
 */
export async function earnedBadgesOfReviewStudent(db: Database, requestId: string): Promise<EarnedBadge[]> {
	const rows = await selectRows<{ badge: string; awarded_at: Date | string }>(
		db,
		sql`select award.badge, award.awarded_at
			from review_requests as request
			join badge_awards as award on award.user_id = request.student_id
			where request.id = ${requestId}
			order by award.awarded_at, award.badge`
	);
	return rows.flatMap((row) => earnedBadge({ badge: row.badge, awardedAt: new Date(row.awarded_at) }) ?? []);
}
