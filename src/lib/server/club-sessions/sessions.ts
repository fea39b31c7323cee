// Club sessions (活動日) as coordinators plan them: when, where, how many students fit, how many mentors are needed.
import { and, asc, desc, eq, gte, inArray, isNull, lt, ne, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../db';
import * as audit from '../audit';
import { notify, type NotifyContext } from '../notifications';
import { isUuid } from '../ids';
import { sessionPayload } from './payload';
import { promoteFromWaitlist } from './waitlist';
import { clubSessions, clubSessionParticipants, type ClubSession, type SessionKind } from './schema';
import { ok, refuse, type Outcome } from '../outcome';

export interface SessionInput {
	title: string;
	startsAt: Date;
	endsAt: Date;
	venue: string | null;
	onlineUrl: string | null;
	capacity: number;
	mentorsNeeded: number;
	notes: string | null;
	/** Regular unless given; a trial session's details are for newcomers (trials/). */
	kind?: SessionKind;
	whatToBring?: string | null;
	mapUrl?: string | null;
}

export type SessionProblem = 'session_error_not_found' | 'session_error_cancelled' | 'session_error_closed' | 'session_error_trial';

export interface SessionSummary {
	id: string;
	title: string;
	startsAt: Date;
	endsAt: Date;
	venue: string | null;
	onlineUrl: string | null;
	capacity: number;
	mentorsNeeded: number;
	notes: string | null;
	kind: SessionKind;
	whatToBring: string | null;
	mapUrl: string | null;
	cancelled: boolean;
	confirmedStudents: number;
	waitlisted: number;
	mentors: number;
	attendedStudents: number;
	attendedMentors: number;
}

export type ListedSession = Omit<SessionSummary, 'onlineUrl'> & { online: boolean };

/** A session as listed to anyone signed in: whether it is online, but not the link (see canSeeOnlineLink). */
export function withoutOnlineLink({ onlineUrl, ...session }: SessionSummary): ListedSession {
	return { ...session, online: onlineUrl !== null };
}

/** A session as the home pages list it, to anyone: when, where and whether online; no link, no counts, no names. */
export function publicListing({ id, title, startsAt, endsAt, venue, onlineUrl, kind }: SessionSummary) {
	return { id, title, startsAt, endsAt, venue, online: onlineUrl !== null, kind };
}

/** The online link is for students with a seat, mentors and coordinators; never for the waitlist or anyone else. */
export function canSeeOnlineLink(roles: readonly string[], status: 'confirmed' | 'waitlisted' | null): boolean {
	return roles.includes('coordinator') || roles.includes('mentor') || status === 'confirmed';
}

/** Exactly the columns a coordinator sets, whatever else the object carries. */
function columnsOf(input: SessionInput) {
	const { title, startsAt, endsAt, venue, onlineUrl, capacity, mentorsNeeded, notes, kind, whatToBring, mapUrl } = input;
	return {
		title,
		startsAt,
		endsAt,
		venue,
		onlineUrl,
		capacity,
		mentorsNeeded,
		notes,
		kind: kind ?? 'regular',
		whatToBring: whatToBring ?? null,
		mapUrl: mapUrl ?? null
	};
}

export async function createSession(db: Database, actor: audit.Actor, input: SessionInput, now = new Date()): Promise<string> {
	const [created] = await db
		.insert(clubSessions)
		.values({ ...columnsOf(input), createdBy: actor.id, createdAt: now, updatedAt: now })
		.returning({ id: clubSessions.id });
	return created!.id;
}

/** Locks the session's row: every change to its participants happens under this lock, so capacity holds. */
export async function lockSession(db: Database, sessionId: string): Promise<ClubSession | undefined> {
	if (!isUuid(sessionId)) return undefined;
	const [session] = await db.select().from(clubSessions).where(eq(clubSessions.id, sessionId)).for('update');
	return session;
}

/** The people a change of the session concerns: students confirmed or waiting, and mentors signed up. */
async function activeParticipantIds(db: Database, sessionId: string): Promise<string[]> {
	const rows = await db
		.select({ userId: clubSessionParticipants.userId })
		.from(clubSessionParticipants)
		.where(and(eq(clubSessionParticipants.sessionId, sessionId), ne(clubSessionParticipants.status, 'cancelled')));
	return rows.map((row) => row.userId);
}

/**
 * Saves the coordinator's changes. More seats move the waitlist up; a new time or place is told to everyone
 * coming. Fewer seats than confirmed students never un-confirm anyone: the waitlist just waits longer.
 */
export async function updateSession(db: Database, sessionId: string, input: SessionInput, context: NotifyContext): Promise<Outcome<SessionProblem>> {
	const now = context.now ?? new Date();
	return db.transaction(async (tx) => {
		const before = await lockSession(tx, sessionId);
		if (!before) return refuse('session_error_not_found');
		if (before.cancelledAt) return refuse('session_error_cancelled');
		const [after] = await tx
			.update(clubSessions)
			.set({ ...columnsOf(input), updatedAt: now })
			.where(eq(clubSessions.id, sessionId))
			.returning();
		const moved =
			before.startsAt.getTime() !== after!.startsAt.getTime() ||
			before.endsAt.getTime() !== after!.endsAt.getTime() ||
			before.venue !== after!.venue ||
			before.onlineUrl !== after!.onlineUrl;
		if (moved && after!.endsAt > now) {
			// Reminders already sent named the old time; the day-before reminder goes out again for the new one.
			await tx.update(clubSessionParticipants).set({ remindedAt: null }).where(eq(clubSessionParticipants.sessionId, sessionId));
			for (const userId of await activeParticipantIds(tx, sessionId)) {
				await notify(tx, userId, 'session_changed', sessionPayload(after!), { ...context, now });
			}
		}
		await promoteFromWaitlist(tx, after!, { ...context, now });
		return ok;
	});
}

/** Cancels the session and tells everyone who was coming or waiting. */
export async function cancelSession(db: Database, sessionId: string, context: NotifyContext): Promise<Outcome<SessionProblem>> {
	const now = context.now ?? new Date();
	return db.transaction(async (tx) => {
		const session = await lockSession(tx, sessionId);
		if (!session) return refuse('session_error_not_found');
		if (session.cancelledAt) return refuse('session_error_cancelled');
		await tx.update(clubSessions).set({ cancelledAt: now, updatedAt: now }).where(eq(clubSessions.id, sessionId));
		if (session.endsAt > now) {
			for (const userId of await activeParticipantIds(tx, sessionId)) {
				await notify(tx, userId, 'session_cancelled', sessionPayload(session), { ...context, now });
			}
		}
		return ok;
	});
}

const participantCounts = {
	confirmedStudents: sql<number>`(count(${clubSessionParticipants.id}) filter (where ${clubSessionParticipants.role} = 'student' and ${clubSessionParticipants.status} = 'confirmed'))::int`,
	waitlisted: sql<number>`(count(${clubSessionParticipants.id}) filter (where ${clubSessionParticipants.status} = 'waitlisted'))::int`,
	mentors: sql<number>`(count(${clubSessionParticipants.id}) filter (where ${clubSessionParticipants.role} = 'mentor' and ${clubSessionParticipants.status} = 'confirmed'))::int`,
	attendedStudents: sql<number>`(count(${clubSessionParticipants.id}) filter (where ${clubSessionParticipants.role} = 'student' and ${clubSessionParticipants.checkedInAt} is not null))::int`,
	attendedMentors: sql<number>`(count(${clubSessionParticipants.id}) filter (where ${clubSessionParticipants.role} = 'mentor' and ${clubSessionParticipants.checkedInAt} is not null))::int`
};

async function summaries(db: Database, where: SQL | undefined, order: 'asc' | 'desc', limit: number): Promise<SessionSummary[]> {
	const rows = await db
		.select({ session: clubSessions, ...participantCounts })
		.from(clubSessions)
		.leftJoin(clubSessionParticipants, eq(clubSessionParticipants.sessionId, clubSessions.id))
		.where(where)
		.groupBy(clubSessions.id)
		.orderBy(order === 'asc' ? asc(clubSessions.startsAt) : desc(clubSessions.startsAt))
		.limit(limit);
	return rows.map(({ session, ...counts }) => ({
		id: session.id,
		title: session.title,
		startsAt: session.startsAt,
		endsAt: session.endsAt,
		venue: session.venue,
		onlineUrl: session.onlineUrl,
		capacity: session.capacity,
		mentorsNeeded: session.mentorsNeeded,
		notes: session.notes,
		kind: session.kind,
		whatToBring: session.whatToBring,
		mapUrl: session.mapUrl,
		cancelled: session.cancelledAt !== null,
		confirmedStudents: Number(counts.confirmedStudents),
		waitlisted: Number(counts.waitlisted),
		mentors: Number(counts.mentors),
		attendedStudents: Number(counts.attendedStudents),
		attendedMentors: Number(counts.attendedMentors)
	}));
}

/** Sessions starting in [from, to), earliest first. */
export async function listSessions(db: Database, range: { from: Date; to?: Date; includeCancelled?: boolean; limit?: number }): Promise<SessionSummary[]> {
	const where = and(
		gte(clubSessions.startsAt, range.from),
		range.to ? lt(clubSessions.startsAt, range.to) : undefined,
		range.includeCancelled === false ? isNull(clubSessions.cancelledAt) : undefined
	);
	return summaries(db, where, 'asc', range.limit ?? 200);
}

/** Sessions that have ended, the latest first. */
export async function listPastSessions(db: Database, now = new Date(), limit = 20): Promise<SessionSummary[]> {
	return summaries(db, lt(clubSessions.endsAt, now), 'desc', limit);
}

/** Upcoming sessions still short of mentors, earliest first. */
export async function listSessionsNeedingMentors(db: Database, now = new Date(), limit = 20): Promise<SessionSummary[]> {
	const upcoming = await listSessions(db, { from: now, includeCancelled: false, limit: 200 });
	return upcoming.filter((session) => session.mentors < session.mentorsNeeded).slice(0, limit);
}

export async function getSession(db: Database, sessionId: string): Promise<SessionSummary | null> {
	if (!isUuid(sessionId)) return null;
	const [summary] = await summaries(db, eq(clubSessions.id, sessionId), 'asc', 1);
	return summary ?? null;
}

export async function getSessions(db: Database, sessionIds: string[]): Promise<SessionSummary[]> {
	const ids = sessionIds.filter(isUuid);
	if (ids.length === 0) return [];
	return summaries(db, inArray(clubSessions.id, ids), 'asc', ids.length);
}
