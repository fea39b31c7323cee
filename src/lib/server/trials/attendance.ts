// Coordinators' side of a trial session: who booked (with what they told us: personal data, so each view is
// audited) and who came. Marking who came is what sends the invitation to apply after the session (jobs.ts).
import { and, asc, eq, inArray, ne, notInArray, sql } from 'drizzle-orm';
import type { Database } from '../db';
import * as audit from '../audit';
import * as membership from '../membership';
import { isUuid } from '../ids';
import type { Channel } from '$lib/referrals/channels';
import type { Grade } from '../membership/vocabulary';
import { referralCodes, trialBookings, type TrialBookingStatus } from './schema';

export interface BookingRow {
	id: string;
	status: TrialBookingStatus;
	nickname: string | null;
	grade: Grade;
	schoolName: string | null;
	guardianEmail: string | null;
	channel: Channel | null;
	refCode: string | null;
	createdAt: Date;
	attended: boolean;
	invited: boolean;
	erased: boolean;
}

/** The session's bookings, waitlist order within each status; the view is audited. */
export async function sessionBookings(db: Database, actor: audit.Actor, sessionId: string): Promise<BookingRow[]> {
	if (!isUuid(sessionId)) return [];
	const rows = await db
		.select({ booking: trialBookings, refCode: referralCodes.code })
		.from(trialBookings)
		.leftJoin(referralCodes, eq(referralCodes.id, trialBookings.refCodeId))
		.where(eq(trialBookings.sessionId, sessionId))
		.orderBy(asc(trialBookings.status), asc(trialBookings.queuedAt), asc(trialBookings.id));
	if (rows.length > 0) await audit.record(db, actor, 'trial_bookings_viewed', { detail: { sessionId, count: rows.length } });
	return rows.map(({ booking, refCode }) => ({
		id: booking.id,
		status: booking.status,
		nickname: booking.nickname,
		grade: booking.grade,
		schoolName: membership.schoolName(booking.schoolCode, booking.schoolOther),
		guardianEmail: booking.guardianEmail,
		channel: booking.channel,
		refCode,
		createdAt: booking.createdAt,
		attended: booking.attendedAt !== null,
		invited: booking.invitedAt !== null,
		erased: booking.personalDataErasedAt !== null
	}));
}

/**
 * Records who came: the ticked bookings of this session came, the others did not. Cancelled bookings and bookings
 * of another session are left alone whatever the form says. Returns how many are marked as come.
 */
export async function markTrialAttendance(
	db: Database,
	actor: audit.Actor,
	sessionId: string,
	attendedIds: readonly string[],
	now = new Date()
): Promise<number> {
	if (!isUuid(sessionId)) return 0;
	const ids = attendedIds.filter(isUuid);
	const ofSession = and(eq(trialBookings.sessionId, sessionId), ne(trialBookings.status, 'cancelled'));
	return db.transaction(async (tx) => {
		await tx
			.update(trialBookings)
			.set({ attendedAt: null, attendanceMarkedBy: actor.id })
			.where(and(ofSession, ids.length ? notInArray(trialBookings.id, ids) : undefined));
		if (ids.length === 0) return 0;
		const marked = await tx
			.update(trialBookings)
			.set({ attendedAt: sql`coalesce(${trialBookings.attendedAt}, ${now.toISOString()}::timestamptz)`, attendanceMarkedBy: actor.id })
			.where(and(ofSession, inArray(trialBookings.id, ids)))
			.returning({ id: trialBookings.id });
		return marked.length;
	});
}
