// Students answer a session (a seat, or a place on the waitlist) and mentors sign up. Every change runs under the
// row lock of the session (sessions.lockSession), so two answers or cancellations at the same moment can never
// give out more seats than there are.
import { and, asc, eq, gt, inArray, ne, sql } from 'drizzle-orm';
import type { Database } from '../db';
import type { NotifyContext } from '../notifications';
import { isUuid } from '../ids';
import { clubSessions, clubSessionParticipants, type ClubSession, type ParticipantRole } from './schema';
import { getSessions, lockSession, type SessionProblem, type SessionSummary } from './sessions';
import { countConfirmedStudents, promoteFromWaitlist } from './waitlist';
import { ok, refuse, type Outcome } from '../outcome';

export type AnswerStatus = 'confirmed' | 'waitlisted';

function problemOf(session: ClubSession | undefined, now: Date): SessionProblem | null {
	if (!session) return 'session_error_not_found';
	if (session.cancelledAt) return 'session_error_cancelled';
	if (session.startsAt <= now) return 'session_error_closed';
	return null;
}

async function upsertParticipant(db: Database, sessionId: string, userId: string, role: ParticipantRole, status: AnswerStatus, now: Date) {
	const values = {
		role,
		status,
		queuedAt: now,
		confirmedAt: status === 'confirmed' ? now : null,
		cancelledAt: null,
		remindedAt: null
	};
	await db
		.insert(clubSessionParticipants)
		.values({ sessionId, userId, ...values })
		.onConflictDoUpdate({ target: [clubSessionParticipants.sessionId, clubSessionParticipants.userId], set: values });
}

/** A student takes a seat, or the next place on the waitlist when the session is full. Answering twice changes nothing. */
export async function rsvp(db: Database, sessionId: string, userId: string, now = new Date()): Promise<Outcome<SessionProblem, { status: AnswerStatus }>> {
	return db.transaction(async (tx) => {
		const session = await lockSession(tx, sessionId);
		const problem = problemOf(session, now);
		if (problem) return refuse(problem);
		// A trial session's seats are for newcomers, booked without an account (trials/); members come as helpers.
		if (session!.kind === 'trial') return refuse('session_error_trial');
		const [existing] = await tx
			.select({ status: clubSessionParticipants.status })
			.from(clubSessionParticipants)
			.where(and(eq(clubSessionParticipants.sessionId, sessionId), eq(clubSessionParticipants.userId, userId)));
		if (existing && existing.status !== 'cancelled') return { ok: true, status: existing.status };
		const status: AnswerStatus = (await countConfirmedStudents(tx, sessionId)) < session!.capacity ? 'confirmed' : 'waitlisted';
		await upsertParticipant(tx, sessionId, userId, 'student', status, now);
		return { ok: true, status };
	});
}

/** A student gives up their seat or waitlist place; a freed seat goes to the first on the waitlist at once. */
export async function cancelRsvp(db: Database, sessionId: string, userId: string, context: NotifyContext): Promise<Outcome<SessionProblem>> {
	const now = context.now ?? new Date();
	return db.transaction(async (tx) => {
		const session = await lockSession(tx, sessionId);
		const problem = problemOf(session, now);
		if (problem) return refuse(problem);
		await cancelParticipation(tx, { sessionId, userId, role: 'student' }, now);
		await promoteFromWaitlist(tx, session!, { ...context, now });
		return ok;
	});
}

/** A mentor signs up to help. Mentors have no capacity: more help than needed is welcome. */
export async function signUpMentor(db: Database, sessionId: string, userId: string, now = new Date()): Promise<Outcome<SessionProblem>> {
	return db.transaction(async (tx) => {
		const session = await lockSession(tx, sessionId);
		const problem = problemOf(session, now);
		if (problem) return refuse(problem);
		const [existing] = await tx
			.select({ status: clubSessionParticipants.status })
			.from(clubSessionParticipants)
			.where(and(eq(clubSessionParticipants.sessionId, sessionId), eq(clubSessionParticipants.userId, userId)));
		if (existing && existing.status !== 'cancelled') return ok;
		await upsertParticipant(tx, sessionId, userId, 'mentor', 'confirmed', now);
		return ok;
	});
}

export async function cancelMentorSignUp(db: Database, sessionId: string, userId: string, now = new Date()): Promise<Outcome<SessionProblem>> {
	return db.transaction(async (tx) => {
		const session = await lockSession(tx, sessionId);
		const problem = problemOf(session, now);
		if (problem) return refuse(problem);
		await cancelParticipation(tx, { sessionId, userId, role: 'mentor' }, now);
		return ok;
	});
}

/** Cancels every future sign-up of a mentor (when they are deactivated). */
export async function cancelFutureMentorSignUps(db: Database, userId: string, now = new Date()): Promise<number> {
	const future = db.select({ id: clubSessions.id }).from(clubSessions).where(gt(clubSessions.startsAt, now));
	const cancelled = await db
		.update(clubSessionParticipants)
		.set({ status: 'cancelled', cancelledAt: now })
		.where(
			and(
				eq(clubSessionParticipants.userId, userId),
				eq(clubSessionParticipants.role, 'mentor'),
				ne(clubSessionParticipants.status, 'cancelled'),
				inArray(clubSessionParticipants.sessionId, future)
			)
		)
		.returning({ id: clubSessionParticipants.id });
	return cancelled.length;
}

export interface Participation {
	role: ParticipantRole;
	status: AnswerStatus;
	/** 1 for the first on the waitlist; null when confirmed. */
	waitlistPosition: number | null;
	checkedIn: boolean;
}

/** The person's answers for these sessions (cancelled answers count as none). */
export async function participationOf(db: Database, userId: string, sessionIds: string[]): Promise<Record<string, Participation>> {
	const ids = sessionIds.filter(isUuid);
	if (ids.length === 0) return {};
	// Written out: Drizzle leaves columns unqualified in a single-table select, which the subquery would capture.
	const ahead = sql<number>`(select count(*) from session_participants w
		where w.session_id = session_participants.session_id and w.status = 'waitlisted'
			and (w.queued_at, w.id) < (session_participants.queued_at, session_participants.id))::int`;
	const rows = await db
		.select({
			sessionId: clubSessionParticipants.sessionId,
			role: clubSessionParticipants.role,
			status: clubSessionParticipants.status,
			checkedInAt: clubSessionParticipants.checkedInAt,
			ahead
		})
		.from(clubSessionParticipants)
		.where(and(eq(clubSessionParticipants.userId, userId), inArray(clubSessionParticipants.sessionId, ids), ne(clubSessionParticipants.status, 'cancelled')));
	return Object.fromEntries(
		rows.map((row) => [
			row.sessionId,
			{
				role: row.role,
				status: row.status as AnswerStatus,
				waitlistPosition: row.status === 'waitlisted' ? Number(row.ahead) + 1 : null,
				checkedIn: row.checkedInAt !== null
			}
		])
	);
}

/** The upcoming sessions the person comes to or waits for, earliest first. */
export async function upcomingSessionsOf(db: Database, userId: string, now = new Date()): Promise<Array<SessionSummary & { participation: Participation }>> {
	const rows = await db
		.select({ id: clubSessionParticipants.sessionId })
		.from(clubSessionParticipants)
		.innerJoin(clubSessions, eq(clubSessions.id, clubSessionParticipants.sessionId))
		.where(and(eq(clubSessionParticipants.userId, userId), ne(clubSessionParticipants.status, 'cancelled'), gt(clubSessions.endsAt, now)))
		.orderBy(asc(clubSessions.startsAt));
	const ids = rows.map((row) => row.id);
	const [sessions, participation] = await Promise.all([getSessions(db, ids), participationOf(db, userId, ids)]);
	return sessions.flatMap((session) => (participation[session.id] ? [{ ...session, participation: participation[session.id]! }] : []));
}

async function cancelParticipation(tx: Database, who: { sessionId: string; userId: string; role: ParticipantRole }, now: Date): Promise<void> {
	await tx
		.update(clubSessionParticipants)
		.set({ status: 'cancelled', cancelledAt: now })
		.where(
			and(
				eq(clubSessionParticipants.sessionId, who.sessionId),
				eq(clubSessionParticipants.userId, who.userId),
				eq(clubSessionParticipants.role, who.role),
				ne(clubSessionParticipants.status, 'cancelled')
			)
		);
}
