// The waitlist moves up by itself, first come first served, whenever a seat frees up or seats are added.
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../db';
import { notify, type NotifyContext } from '../notifications';
import { sessionPayload } from './payload';
import { sessionParticipants, type ClubSession } from './schema';

export async function countConfirmedStudents(db: Database, sessionId: string): Promise<number> {
	const [row] = await db
		.select({ count: sql<number>`count(*)::int` })
		.from(sessionParticipants)
		.where(and(eq(sessionParticipants.sessionId, sessionId), eq(sessionParticipants.role, 'student'), eq(sessionParticipants.status, 'confirmed')));
	return Number(row?.count ?? 0);
}

/**
 * Confirms the first waiting students while there are free seats, and tells them. The caller holds the lock on
 * the session's row (sessions.lockSession). Returns the user ids moved up.
 */
export async function promoteFromWaitlist(db: Database, session: ClubSession, context: NotifyContext): Promise<string[]> {
	const now = context.now ?? new Date();
	if (session.cancelledAt || session.startsAt <= now) return [];
	const free = session.capacity - (await countConfirmedStudents(db, session.id));
	if (free <= 0) return [];
	const next = await db
		.select({ id: sessionParticipants.id, userId: sessionParticipants.userId })
		.from(sessionParticipants)
		.where(and(eq(sessionParticipants.sessionId, session.id), eq(sessionParticipants.status, 'waitlisted')))
		.orderBy(asc(sessionParticipants.queuedAt), asc(sessionParticipants.id))
		.limit(free);
	if (next.length === 0) return [];
	await db
		.update(sessionParticipants)
		.set({ status: 'confirmed', confirmedAt: now })
		.where(
			inArray(
				sessionParticipants.id,
				next.map((row) => row.id)
			)
		);
	for (const { userId } of next) await notify(db, userId, 'waitlist_promoted', sessionPayload(session), { ...context, now });
	return next.map((row) => row.userId);
}
