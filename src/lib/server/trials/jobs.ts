// What happens to trial bookings as time passes, run every minute by every web server (each step claims its rows,
// so nobody gets a mail twice): the day-before reminder, the waitlist moving up when seats were added, the notice
// of a cancelled session, the invitation to apply after a trial someone came to, and the erasure of personal data
// a configurable number of days after the session (TRIAL_RETENTION_DAYS).
import { and, eq, gt, inArray, isNotNull, isNull, lte, ne, sql } from 'drizzle-orm';
import type { Database } from '../db';
import * as auth from '../auth';
import * as mail from '../mail';
import * as sessions from '../club-sessions';
import { clubSessions, type ClubSession } from '../club-sessions/schema';
import { startRepeatingJob, type RepeatingJob } from '../repeating-job';
import { promoteTrialWaitlist } from './bookings';
import { trialBookingMail, type TrialMailKind } from './mails';
import { trialBookings, type TrialBooking } from './schema';

export interface TrialJobContext {
	origin: string;
	/** Days after a trial session until its bookings' personal data is erased. */
	retentionDays: number;
	batchSize?: number;
}

const dayMs = 24 * 60 * 60 * 1000;

/** A fresh link for the booking (the earlier one stops working): mails sent later carry a link of their own. */
async function mailWithNewLink(db: Database, booking: TrialBooking, session: ClubSession, kind: TrialMailKind, origin: string, path = ''): Promise<void> {
	if (!booking.guardianEmail || !booking.nickname) return;
	const token = auth.generateSecret(20);
	await db
		.update(trialBookings)
		.set({ tokenHash: auth.hashSecret(token) })
		.where(eq(trialBookings.id, booking.id));
	const composed = trialBookingMail(kind, booking.locale, { nickname: booking.nickname, session, link: `${origin}/trial/booking/${token}${path}` });
	await mail.enqueueMail(db, { to: booking.guardianEmail, kind: `trial_${kind}`, ...composed });
}

/** The reminders due at `now`: booked seats at sessions starting tomorrow, from 17:00 Japan time the day before. */
export async function sendTrialReminders(db: Database, now: Date, context: TrialJobContext): Promise<number> {
	const dueAt = sql.raw(
		`((((club_sessions.starts_at at time zone 'Asia/Tokyo')::date - 1) + make_time(${sessions.reminderHourJapan}, 0, 0)) at time zone 'Asia/Tokyo')`
	);
	return db.transaction(async (tx) => {
		const due = await tx
			.select({ booking: trialBookings, session: clubSessions })
			.from(trialBookings)
			.innerJoin(clubSessions, eq(clubSessions.id, trialBookings.sessionId))
			.where(
				and(
					eq(trialBookings.status, 'booked'),
					isNull(trialBookings.remindedAt),
					isNull(clubSessions.cancelledAt),
					gt(clubSessions.startsAt, now),
					sql`${dueAt} <= ${now.toISOString()}::timestamptz`,
					sql`${trialBookings.createdAt} <= ${dueAt}`
				)
			)
			.limit(context.batchSize ?? 200)
			.for('update', { of: trialBookings, skipLocked: true });
		for (const { booking, session } of due) {
			await tx.update(trialBookings).set({ remindedAt: now }).where(eq(trialBookings.id, booking.id));
			await mailWithNewLink(tx, booking, session, 'reminder', context.origin);
		}
		return due.length;
	});
}

/** After a session someone came to: one mail inviting them to apply, its link opening the pre-filled application. */
export async function sendTrialInvitations(db: Database, now: Date, context: TrialJobContext): Promise<number> {
	return db.transaction(async (tx) => {
		const due = await tx
			.select({ booking: trialBookings, session: clubSessions })
			.from(trialBookings)
			.innerJoin(clubSessions, eq(clubSessions.id, trialBookings.sessionId))
			.where(
				and(isNotNull(trialBookings.attendedAt), isNull(trialBookings.invitedAt), isNull(trialBookings.personalDataErasedAt), lte(clubSessions.endsAt, now))
			)
			.limit(context.batchSize ?? 200)
			.for('update', { of: trialBookings, skipLocked: true });
		for (const { booking, session } of due) {
			await tx.update(trialBookings).set({ invitedAt: now }).where(eq(trialBookings.id, booking.id));
			await mailWithNewLink(tx, booking, session, 'invitation', context.origin, '/apply');
		}
		return due.length;
	});
}

/** Bookings of sessions a coordinator cancelled: each is cancelled too and told so, once. */
export async function settleCancelledSessions(db: Database, now: Date, context: TrialJobContext): Promise<number> {
	return db.transaction(async (tx) => {
		const due = await tx
			.select({ booking: trialBookings, session: clubSessions })
			.from(trialBookings)
			.innerJoin(clubSessions, eq(clubSessions.id, trialBookings.sessionId))
			.where(and(ne(trialBookings.status, 'cancelled'), isNotNull(clubSessions.cancelledAt)))
			.limit(context.batchSize ?? 200)
			.for('update', { of: trialBookings, skipLocked: true });
		for (const { booking, session } of due) {
			await tx.update(trialBookings).set({ status: 'cancelled', cancelledAt: now }).where(eq(trialBookings.id, booking.id));
			if (session.endsAt > now) await mailWithNewLink(tx, booking, session, 'session_cancelled', context.origin);
		}
		return due.length;
	});
}

/** Seats added to a full session go to its waitlist (a cancellation moves it at once, in bookings.ts). */
export async function promoteWaitlists(db: Database, now: Date, context: TrialJobContext): Promise<number> {
	const waiting = await db
		.selectDistinct({ sessionId: trialBookings.sessionId })
		.from(trialBookings)
		.innerJoin(clubSessions, eq(clubSessions.id, trialBookings.sessionId))
		.where(and(eq(trialBookings.status, 'waitlisted'), gt(clubSessions.startsAt, now), isNull(clubSessions.cancelledAt)));
	let promoted = 0;
	for (const { sessionId } of waiting) {
		promoted += await db.transaction(async (tx) => {
			const session = await sessions.lockSession(tx, sessionId);
			return session ? promoteTrialWaitlist(tx, session, { origin: context.origin, now }) : 0;
		});
	}
	return promoted;
}

/**
 * Erases the personal data of bookings whose session ended more than `retentionDays` ago: nickname, school and the
 * guardian's address. What remains (the session, grade, channel, ref code, whether they came) is an anonymous
 * count for the club's figures. An application that followed keeps its own copy of what it needs.
 */
export async function eraseExpiredBookings(db: Database, now: Date, context: TrialJobContext): Promise<number> {
	const cutoff = new Date(now.getTime() - context.retentionDays * dayMs);
	const expired = db
		.select({ id: trialBookings.id })
		.from(trialBookings)
		.innerJoin(clubSessions, eq(clubSessions.id, trialBookings.sessionId))
		.where(and(isNull(trialBookings.personalDataErasedAt), lte(clubSessions.endsAt, cutoff)));
	const erased = await db
		.update(trialBookings)
		.set({
			nickname: null,
			schoolCode: null,
			schoolOther: null,
			guardianEmail: null,
			// A link that still works would open nothing; a new random hash makes sure it opens nothing ever.
			tokenHash: sql`sha256(gen_random_uuid()::text::bytea)`,
			personalDataErasedAt: now
		})
		.where(inArray(trialBookings.id, expired))
		.returning({ id: trialBookings.id });
	return erased.length;
}

/** Every step above, in order, once. */
export async function runTrialJobs(db: Database, now: Date, context: TrialJobContext): Promise<void> {
	await settleCancelledSessions(db, now, context);
	await promoteWaitlists(db, now, context);
	await sendTrialReminders(db, now, context);
	await sendTrialInvitations(db, now, context);
	await eraseExpiredBookings(db, now, context);
}

export function startTrialJobs(db: Database, options: TrialJobContext & { intervalMs?: number; onError?: (error: unknown) => void }): RepeatingJob {
	return startRepeatingJob(() => runTrialJobs(db, new Date(), options), { intervalMs: options.intervalMs ?? 60_000, onError: options.onError });
}
