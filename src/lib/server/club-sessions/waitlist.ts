// The waitlist moves up by itself, first come first served, whenever a seat frees up or seats are added.
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../db';
import { notify, type NotifyContext } from '../notifications';
import { sessionPayload } from './payload';
import { clubSessionParticipants, type ClubSession } from './schema';

export async function countConfirmedStudents(db: Database, sessionId: string): Promise<number> {
	const [row] = await db
		.select({ count: sql<number>`count(*)::int` })
		.from(clubSessionParticipants)
		.where(and(eq(clubSessionParticipants.sessionId, sessionId), eq(clubSessionParticipants.role, 'student'), eq(clubSessionParticipants.status, 'confirmed')));
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
		.select({ id: clubSessionParticipants.id, userId: clubSessionParticipants.userId })
		.from(clubSessionParticipants)
		.where(and(eq(clubSessionParticipants.sessionId, session.id), eq(clubSessionParticipants.status, 'waitlisted')))
		.orderBy(asc(clubSessionParticipants.queuedAt), asc(clubSessionParticipants.id))
		.limit(free);
	if (next.length === 0) return [];
	await db
		.update(clubSessionParticipants)
		.set({ status: 'confirmed', confirmedAt: now })
		.where(
			inArray(
				clubSessionParticipants.id,
				next.map((row) => row.id)
			)
		);
	for (const { userId } of next) await notify(db, userId, 'waitlist_promoted', sessionPayload(session), { ...context, now });
	return next.map((row) => row.userId);
}
