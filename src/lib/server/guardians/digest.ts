// The monthly digest a guardian may choose at consent: what their child did in the club last month and what comes
// next. It is built from that one child's rows only (the child's own attendance and solved exercises, and the club's
// session calendar), and names no other child and no mentor. Idempotent per child and month (guardian_digests).
import { and, asc, eq, gte, isNotNull, isNull, lt, sql } from 'drizzle-orm';
import type { Database } from '../db';
import { exercises, type Locale } from '../db/schema';
import * as mail from '../mail';
import * as membership from '../membership';
import { members } from '../membership/schema';
import { clubSessionParticipants, clubSessions } from '../club-sessions/schema';
import { exerciseProgress } from '../exercises/schema';
import { topicById, topics as curriculumTopics, type TopicId } from '../exercises';
import { addMonths, formatSessionDate, formatSessionTime, japanDate, japanDateTime, monthOf } from '../../japan-time';
import { deleteExpiredLinks, issueGuardianLink } from './links';
import { guardianDigests, guardianPreferences } from './schema';
import { startRepeatingJob, type RepeatingJob } from '../repeating-job';

/** Digests of a month go out from this hour (Japan time) on the 1st of the next month. */
export const digestHourJapan = 10;
/** How far ahead the digest lists the club's sessions. */
const upcomingWindowMs = 45 * 24 * 60 * 60 * 1000;
const upcomingLimit = 8;

export interface ChildDigest {
	nickname: string;
	month: string;
	attended: Array<{ title: string; startsAt: Date }>;
	solved: Array<{ title: string }>;
	topics: string[];
	upcoming: Array<{ title: string; startsAt: Date; endsAt: Date; signedUp: boolean }>;
}

const monthStart = (month: string) => japanDateTime(`${month}-01`, '00:00');

/** What `userId` did in `month` ('YYYY-MM', Japan time), and the club's sessions after `now`. */
export async function gatherDigest(db: Database, child: { userId: string; nickname: string }, month: string, locale: Locale, now: Date): Promise<ChildDigest> {
	const from = monthStart(month);
	const until = monthStart(addMonths(month, 1));
	const attended = await db
		.select({ title: clubSessions.title, startsAt: clubSessions.startsAt })
		.from(clubSessionParticipants)
		.innerJoin(clubSessions, eq(clubSessions.id, clubSessionParticipants.sessionId))
		.where(
			and(
				eq(clubSessionParticipants.userId, child.userId),
				eq(clubSessionParticipants.role, 'student'),
				isNotNull(clubSessionParticipants.checkedInAt),
				isNull(clubSessions.cancelledAt),
				gte(clubSessions.startsAt, from),
				lt(clubSessions.startsAt, until)
			)
		)
		.orderBy(asc(clubSessions.startsAt));
	const solved = await db
		.select({ titleJa: exercises.titleJa, titleEn: exercises.titleEn, topics: exercises.topics })
		.from(exerciseProgress)
		.innerJoin(exercises, eq(exercises.id, exerciseProgress.exerciseId))
		.where(and(eq(exerciseProgress.userId, child.userId), gte(exerciseProgress.solvedAt, from), lt(exerciseProgress.solvedAt, until)))
		.orderBy(asc(exerciseProgress.solvedAt));
	const topicIds = new Set(solved.flatMap((row) => row.topics).filter((id): id is TopicId => curriculumTopics.some((topic) => topic.id === id)));
	const upcoming = await db
		.select({
			title: clubSessions.title,
			startsAt: clubSessions.startsAt,
			endsAt: clubSessions.endsAt,
			signedUp: sql<boolean>`${clubSessionParticipants.id} is not null`
		})
		.from(clubSessions)
		.leftJoin(
			clubSessionParticipants,
			and(
				eq(clubSessionParticipants.sessionId, clubSessions.id),
				eq(clubSessionParticipants.userId, child.userId),
				eq(clubSessionParticipants.status, 'confirmed')
			)
		)
		.where(and(isNull(clubSessions.cancelledAt), gte(clubSessions.startsAt, now), lt(clubSessions.startsAt, new Date(now.getTime() + upcomingWindowMs))))
		.orderBy(asc(clubSessions.startsAt))
		.limit(upcomingLimit);
	return {
		nickname: child.nickname,
		month,
		attended,
		solved: solved.map((row) => ({ title: locale === 'en' ? row.titleEn : row.titleJa })),
		topics: [...topicIds]
			.map(topicById)
			.sort((a, b) => a.order - b.order)
			.map((topic) => topic.title[locale]),
		upcoming: upcoming.map((row) => ({ ...row, signedUp: Boolean(row.signedUp) }))
	};
}

/** "2026年11月" / "November 2026". */
function monthLabel(month: string, locale: Locale): string {
	return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'ja-JP', { year: 'numeric', month: 'long', timeZone: 'Asia/Tokyo' }).format(monthStart(month));
}

export function composeDigest(digest: ChildDigest, locale: Locale, links: { unsubscribe: string; data: string }): mail.ComposedMail {
	return mail.guardianDigestMail(locale, {
		nickname: digest.nickname,
		month: monthLabel(digest.month, locale),
		attended: digest.attended.map((session) => `${formatSessionDate(session.startsAt, locale)} ${session.title}`),
		solved: digest.solved.map((exercise) => exercise.title),
		topics: digest.topics,
		upcoming: digest.upcoming.map((session) => ({
			line: `${formatSessionTime(session.startsAt, session.endsAt, locale)} ${session.title}`,
			signedUp: session.signedUp
		})),
		unsubscribeLink: links.unsubscribe,
		dataLink: links.data
	});
}

/** The month whose digests are due at `now`: the previous one from the 1st at `digestHourJapan`, else none. */
export function dueDigestMonth(now: Date): string | null {
	const thisMonth = monthOf(japanDate(now));
	if (now < japanDateTime(`${thisMonth}-01`, `${String(digestHourJapan).padStart(2, '0')}:00`)) return null;
	return addMonths(thisMonth, -1);
}

/**
 * Sends the digests due at `now` for the previous month: to each guardian who chose it and has not unsubscribed,
 * whose child is in the club (active or paused), once per child and month. Returns how many were put in the outbox.
 * Only the previous month is ever sent: a server that was down for the whole month does not send old news.
 */
export async function sendMonthlyDigests(db: Database, now: Date, context: { origin: string; batchSize?: number }): Promise<number> {
	const month = dueDigestMonth(now);
	if (!month) return 0;
	await deleteExpiredLinks(db, now);
	const candidates = await db
		.select({ applicationId: guardianPreferences.applicationId, locale: guardianPreferences.locale })
		.from(guardianPreferences)
		.innerJoin(members, and(eq(members.applicationId, guardianPreferences.applicationId), isNull(members.anonymisedAt)))
		.leftJoin(guardianDigests, and(eq(guardianDigests.applicationId, guardianPreferences.applicationId), eq(guardianDigests.month, month)))
		.where(
			and(
				eq(guardianPreferences.digest, true),
				isNull(guardianPreferences.unsubscribedAt),
				lt(guardianPreferences.chosenAt, monthStart(addMonths(month, 1))),
				isNull(guardianDigests.applicationId)
			)
		)
		.orderBy(asc(guardianPreferences.chosenAt))
		.limit(context.batchSize ?? 200);
	let sent = 0;
	for (const candidate of candidates) {
		if (await sendDigest(db, candidate.applicationId, candidate.locale, month, now, context.origin)) sent++;
	}
	return sent;
}

async function sendDigest(db: Database, applicationId: string, locale: Locale, month: string, now: Date, origin: string): Promise<boolean> {
	return db.transaction(async (tx) => {
		// The claim: a second runner's insert waits for this transaction and then finds the row.
		const [claimed] = await tx.insert(guardianDigests).values({ applicationId, month, sentAt: now }).onConflictDoNothing().returning();
		if (!claimed) return false;
		const child = await membership.findGuardianChild(tx, applicationId);
		if (!child?.inClub || !child.userId || child.deletionRequested) return false;
		const digest = await gatherDigest(tx, { userId: child.userId, nickname: child.nickname }, month, locale, now);
		const links = {
			unsubscribe: `${origin}/guardians/unsubscribe/${await issueGuardianLink(tx, applicationId, 'unsubscribe', now)}`,
			data: `${origin}/guardians/data/${await issueGuardianLink(tx, applicationId, 'data', now)}`
		};
		await mail.enqueueMail(tx, { kind: 'guardian_digest', to: child.guardianEmail, ...composeDigest(digest, locale, links) });
		return true;
	});
}

/** Runs the digest job every `intervalMs` (an hour by default) inside this process until stopped. */
export function startDigestJob(db: Database, options: { origin: string; intervalMs?: number; onError?: (error: unknown) => void }): RepeatingJob {
	return startRepeatingJob(() => sendMonthlyDigests(db, new Date(), { origin: options.origin }), {
		intervalMs: options.intervalMs ?? 60 * 60 * 1000,
		onError: options.onError
	});
}
