// Booking a seat at a trial session (体験会) without an account: a guardian or a student leaves a nickname, a grade,
// optionally a school, the guardian's mail address and how they heard of the club; the booking's own mailed link
// (only its hash kept) shows it, cancels it and, after the trial, opens the pre-filled application. A full session
// puts the booking on its waitlist, which moves up by itself, first come first served.
import { and, asc, eq, gt, inArray, isNull, ne, sql } from 'drizzle-orm';
import type { Database } from '../db';
import * as auth from '../auth';
import * as mail from '../mail';
import * as sessions from '../club-sessions';
import { clubSessions, type ClubSession } from '../club-sessions/schema';
import type { Locale } from '../db/schema';
import type { Channel } from '$lib/referrals/channels';
import type { Grade } from '../membership/vocabulary';
import { findActiveCode } from './codes';
import { trialBookingMail, type TrialMailKind } from './mails';
import { trialBookings, type TrialBooking, type TrialBookingStatus } from './schema';
import { ok, refuse, type Outcome } from '../outcome';
import { isUuid } from '../ids';

/** Carries a trial booking's link from its invitation mail to the application form (/join), for a day. */
export const applyCookieName = 'itbu_trial_apply';
export const applyCookieMaxAgeSeconds = 24 * 60 * 60;

export interface TrialSession {
	id: string;
	title: string;
	startsAt: Date;
	endsAt: Date;
	venue: string | null;
	mapUrl: string | null;
	whatToBring: string | null;
	capacity: number;
	booked: number;
	waitlisted: number;
	seatsLeft: number;
	cancelled: boolean;
}

const bookingCounts = {
	booked: sql<number>`(count(${trialBookings.id}) filter (where ${trialBookings.status} = 'booked'))::int`,
	waitlisted: sql<number>`(count(${trialBookings.id}) filter (where ${trialBookings.status} = 'waitlisted'))::int`
};

async function trialSessions(db: Database, where: ReturnType<typeof and>, limit: number): Promise<TrialSession[]> {
	const rows = await db
		.select({ session: clubSessions, ...bookingCounts })
		.from(clubSessions)
		.leftJoin(trialBookings, eq(trialBookings.sessionId, clubSessions.id))
		.where(and(eq(clubSessions.kind, 'trial'), where))
		.groupBy(clubSessions.id)
		.orderBy(asc(clubSessions.startsAt))
		.limit(limit);
	return rows.map(({ session, booked, waitlisted }) => ({
		id: session.id,
		title: session.title,
		startsAt: session.startsAt,
		endsAt: session.endsAt,
		venue: session.venue,
		mapUrl: session.mapUrl,
		whatToBring: session.whatToBring,
		capacity: session.capacity,
		booked: Number(booked),
		waitlisted: Number(waitlisted),
		seatsLeft: Math.max(0, session.capacity - Number(booked)),
		cancelled: session.cancelledAt !== null
	}));
}

/** Trial sessions still to come, earliest first: what the home page offers. */
export function listUpcomingTrials(db: Database, now = new Date(), limit = 6): Promise<TrialSession[]> {
	return trialSessions(db, and(gt(clubSessions.startsAt, now), isNull(clubSessions.cancelledAt)), limit);
}

/** Every trial session, for coordinators: from `since` on. */
export function listTrials(db: Database, since: Date, limit = 100): Promise<TrialSession[]> {
	return trialSessions(db, gt(clubSessions.endsAt, since), limit);
}

export async function getTrialSession(db: Database, sessionId: string): Promise<TrialSession | null> {
	if (!isUuid(sessionId)) return null;
	const [session] = await trialSessions(db, eq(clubSessions.id, sessionId), 1);
	return session ?? null;
}

export interface BookingInput {
	sessionId: string;
	nickname: string;
	grade: Grade;
	schoolCode: string | null;
	schoolOther: string | null;
	guardianEmail: string;
	channel: Channel | null;
	/** The ref code the visitor's browser followed (visits.ts), if any. */
	refCode: string | null;
	locale: Locale;
}

export type BookingProblem =
	| 'trials_error_not_found'
	| 'trials_error_closed'
	| 'trials_error_already_booked'
	| 'trials_error_too_many_mails'
	| 'trials_error_link_invalid'
	| 'trials_error_already_cancelled';

export interface BookingContext {
	origin: string;
	now?: Date;
	/** The booking visitor's address, for the per-address limit on mails (mail/limits.ts). */
	ip?: string;
}

const bookingLink = (origin: string, token: string) => `${origin}/trial/booking/${token}`;

async function mailBooking(db: Database, booking: TrialBooking, session: ClubSession, kind: TrialMailKind, origin: string, token?: string): Promise<void> {
	if (!booking.guardianEmail || !booking.nickname) return;
	const composed = trialBookingMail(kind, booking.locale, {
		nickname: booking.nickname,
		session,
		link: token ? bookingLink(origin, token) : `${origin}/trial/booking`
	});
	await mail.enqueueMail(db, { to: booking.guardianEmail, kind: `trial_${kind}`, ...composed });
}

/** Books a seat, or a place on the waitlist when the session is full, and mails the booking's link. */
export async function bookTrial(
	db: Database,
	input: BookingInput,
	context: BookingContext
): Promise<Outcome<BookingProblem, { status: TrialBookingStatus; token: string }>> {
	const now = context.now ?? new Date();
	if (!isUuid(input.sessionId)) return refuse('trials_error_not_found');
	if (!(await mail.allowFormMail(db, 'trial-booking', { address: input.guardianEmail, ip: context.ip }))) return refuse('trials_error_too_many_mails');
	const refCode = input.refCode ? await findActiveCode(db, input.refCode) : null;
	return db.transaction(async (tx) => {
		const session = await sessions.lockSession(tx, input.sessionId);
		if (!session || session.kind !== 'trial') return refuse('trials_error_not_found');
		if (session.cancelledAt || session.startsAt <= now) return refuse('trials_error_closed');
		const [twice] = await tx
			.select({ id: trialBookings.id })
			.from(trialBookings)
			.where(
				and(
					eq(trialBookings.sessionId, session.id),
					ne(trialBookings.status, 'cancelled'),
					sql`lower(${trialBookings.guardianEmail}) = lower(${input.guardianEmail})`,
					sql`lower(${trialBookings.nickname}) = lower(${input.nickname})`
				)
			);
		if (twice) return refuse('trials_error_already_booked');
		const booked = await countBooked(tx, session.id);
		const status: TrialBookingStatus = booked < session.capacity ? 'booked' : 'waitlisted';
		const token = auth.generateSecret(20);
		const [booking] = await tx
			.insert(trialBookings)
			.values({
				sessionId: session.id,
				status,
				nickname: input.nickname,
				grade: input.grade,
				schoolCode: input.schoolCode,
				schoolOther: input.schoolOther,
				guardianEmail: input.guardianEmail,
				locale: input.locale,
				channel: input.channel ?? refCode?.channel ?? null,
				refCodeId: refCode?.id ?? null,
				tokenHash: auth.hashSecret(token),
				queuedAt: now,
				createdAt: now
			})
			.returning();
		await mailBooking(tx, booking!, session, status === 'booked' ? 'booked' : 'waitlisted', context.origin, token);
		return { ok: true as const, status, token };
	});
}

async function countBooked(db: Database, sessionId: string): Promise<number> {
	const [row] = await db
		.select({ count: sql<number>`count(*)::int` })
		.from(trialBookings)
		.where(and(eq(trialBookings.sessionId, sessionId), eq(trialBookings.status, 'booked')));
	return Number(row?.count ?? 0);
}

/**
 * Gives free seats to the first on the waitlist and tells them. The caller holds the lock on the session's row;
 * nothing moves once the session has started or was cancelled. Returns how many moved up.
 */
export async function promoteTrialWaitlist(db: Database, session: ClubSession, context: BookingContext): Promise<number> {
	const now = context.now ?? new Date();
	if (session.cancelledAt || session.startsAt <= now) return 0;
	const free = session.capacity - (await countBooked(db, session.id));
	if (free <= 0) return 0;
	const next = await db
		.select({ id: trialBookings.id })
		.from(trialBookings)
		.where(and(eq(trialBookings.sessionId, session.id), eq(trialBookings.status, 'waitlisted')))
		.orderBy(asc(trialBookings.queuedAt), asc(trialBookings.id))
		.limit(free);
	if (next.length === 0) return 0;
	const promoted = await db
		.update(trialBookings)
		.set({ status: 'booked' })
		.where(
			inArray(
				trialBookings.id,
				next.map((row) => row.id)
			)
		)
		.returning();
	for (const booking of promoted) await mailBooking(db, booking, session, 'promoted', context.origin);
	return promoted.length;
}

export interface BookingView {
	id: string;
	status: TrialBookingStatus;
	nickname: string;
	grade: Grade;
	attended: boolean;
	/** The position on the waitlist (1 = next), when waiting. */
	waitlistPosition: number | null;
	session: TrialSession;
}

async function bookingByToken(db: Database, token: string): Promise<TrialBooking | null> {
	if (!/^[a-z2-7]{32}$/.test(token)) return null;
	const [booking] = await db
		.select()
		.from(trialBookings)
		.where(and(eq(trialBookings.tokenHash, auth.hashSecret(token)), isNull(trialBookings.personalDataErasedAt)));
	return booking ?? null;
}

/** What the booking's mailed link shows; null for an unknown link or one whose data was erased. */
export async function findBooking(db: Database, token: string): Promise<BookingView | null> {
	const booking = await bookingByToken(db, token);
	if (!booking) return null;
	const session = await getTrialSession(db, booking.sessionId);
	if (!session) return null;
	let waitlistPosition: number | null = null;
	if (booking.status === 'waitlisted') {
		const [row] = await db
			.select({ ahead: sql<number>`count(*)::int` })
			.from(trialBookings)
			.where(
				and(
					eq(trialBookings.sessionId, booking.sessionId),
					eq(trialBookings.status, 'waitlisted'),
					sql`(${trialBookings.queuedAt}, ${trialBookings.id}) < (${booking.queuedAt.toISOString()}::timestamptz, ${booking.id}::uuid)`
				)
			);
		waitlistPosition = Number(row?.ahead ?? 0) + 1;
	}
	return {
		id: booking.id,
		status: booking.status,
		nickname: booking.nickname!,
		grade: booking.grade,
		attended: booking.attendedAt !== null,
		waitlistPosition,
		session
	};
}

/** What an application started from the booking's link is filled with. */
export interface BookingForApplication {
	id: string;
	nickname: string;
	grade: Grade;
	schoolCode: string | null;
	schoolOther: string | null;
	guardianEmail: string;
	channel: Channel | null;
	refCodeId: string | null;
}

export async function bookingForApplication(db: Database, token: string): Promise<BookingForApplication | null> {
	const booking = await bookingByToken(db, token);
	if (!booking) return null;
	const { id, nickname, grade, schoolCode, schoolOther, guardianEmail, channel, refCodeId } = booking;
	return { id, nickname: nickname!, grade, schoolCode, schoolOther, guardianEmail: guardianEmail!, channel, refCodeId };
}

/** Cancels from the mailed link; a freed seat goes to the first on the waitlist. */
export async function cancelBooking(db: Database, token: string, context: BookingContext): Promise<Outcome<BookingProblem>> {
	const now = context.now ?? new Date();
	const booking = await bookingByToken(db, token);
	if (!booking) return refuse('trials_error_link_invalid');
	return db.transaction(async (tx) => {
		const session = await sessions.lockSession(tx, booking.sessionId);
		if (!session) return refuse('trials_error_link_invalid');
		if (session.startsAt <= now) return refuse('trials_error_closed');
		const [cancelled] = await tx
			.update(trialBookings)
			.set({ status: 'cancelled', cancelledAt: now })
			.where(and(eq(trialBookings.id, booking.id), ne(trialBookings.status, 'cancelled')))
			.returning();
		if (!cancelled) return refuse('trials_error_already_cancelled');
		await mailBooking(tx, cancelled, session, 'cancelled', context.origin);
		if (booking.status === 'booked') await promoteTrialWaitlist(tx, session, { ...context, now });
		return ok;
	});
}
