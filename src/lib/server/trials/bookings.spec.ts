// Booking a trial seat without an account: seats, the waitlist, the mailed link as the only key, and the limits
// a stranger meets.
import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../db/testing';
import { createTestSession, createStudents } from '../club-sessions/testing';
import * as sessions from '../club-sessions';
import { bookTrial, cancelBooking, findBooking, getTrialSession, listUpcomingTrials } from './bookings';
import { trialBookings } from './schema';
import { bookingInput, createTrialSession, day, latestBookingToken, mailsTo, testOrigin } from './testing';

describeEachDatabase('trial bookings', (connection) => {
	const db = () => connection().db;
	const context = { origin: testOrigin };

	async function book(sessionId: string, overrides = {}) {
		const input = bookingInput(sessionId, overrides);
		const outcome = await bookTrial(db(), input, context);
		if (!outcome.ok) throw new Error(outcome.problem);
		return { ...outcome, input };
	}

	it('books seats up to the capacity, then the waitlist, and mails each booking its own link', async () => {
		const sessionId = await createTrialSession(db(), { capacity: 2 });
		const first = await book(sessionId);
		const second = await book(sessionId);
		const third = await book(sessionId);
		expect([first.status, second.status, third.status]).toEqual(['booked', 'booked', 'waitlisted']);
		expect(await latestBookingToken(db(), first.input.guardianEmail)).toBe(first.token);
		const [mail] = await mailsTo(db(), third.input.guardianEmail);
		expect(mail!.subject).toContain('キャンセル待ち');
		expect(mail!.textBody).toContain(`${testOrigin}/trial/booking/${third.token}`);
		expect(mail!.textBody).toContain('筆記用具');
		const session = await getTrialSession(db(), sessionId);
		expect(session).toMatchObject({ booked: 2, waitlisted: 1, seatsLeft: 0 });
		expect((await findBooking(db(), third.token))!.waitlistPosition).toBe(1);
	});

	it('cancelling from the link gives the seat to the first on the waitlist, who is told by mail', async () => {
		const sessionId = await createTrialSession(db(), { capacity: 1 });
		const seated = await book(sessionId);
		const waiting = await book(sessionId);
		const later = await book(sessionId);
		expect(await cancelBooking(db(), seated.token, context)).toEqual({ ok: true });
		expect((await findBooking(db(), seated.token))!.status).toBe('cancelled');
		expect((await findBooking(db(), waiting.token))!.status).toBe('booked');
		expect((await findBooking(db(), later.token))!.waitlistPosition).toBe(1);
		const [promoted] = await mailsTo(db(), waiting.input.guardianEmail);
		expect(promoted!.subject).toContain('席が空きました');
		expect(await cancelBooking(db(), seated.token, context)).toEqual({ ok: false, problem: 'trials_error_already_cancelled' });
	});

	it('opens nothing for a guessed, malformed or hostile link', async () => {
		const sessionId = await createTrialSession(db());
		await book(sessionId);
		for (const token of ['a'.repeat(32), 'abc', "' or 1=1 --", '../../etc/passwd', 'A'.repeat(32)]) {
			expect(await findBooking(db(), token)).toBeNull();
			expect(await cancelBooking(db(), token, context)).toEqual({ ok: false, problem: 'trials_error_link_invalid' });
		}
	});

	it('refuses regular sessions, unknown ids, sessions that started or were cancelled, and the same child twice', async () => {
		const regular = await createTestSession(db());
		expect(await bookTrial(db(), bookingInput(regular), context)).toEqual({ ok: false, problem: 'trials_error_not_found' });
		expect(await bookTrial(db(), bookingInput('not-a-uuid'), context)).toEqual({ ok: false, problem: 'trials_error_not_found' });
		const now = new Date();
		const started = await createTrialSession(db(), { startsAt: new Date(now.getTime() - 60_000), endsAt: new Date(now.getTime() + day) });
		expect(await bookTrial(db(), bookingInput(started), context)).toEqual({ ok: false, problem: 'trials_error_closed' });
		const cancelled = await createTrialSession(db());
		await sessions.cancelSession(db(), cancelled, context);
		expect(await bookTrial(db(), bookingInput(cancelled), context)).toEqual({ ok: false, problem: 'trials_error_closed' });
		const open = await createTrialSession(db());
		const once = await book(open);
		const again = bookingInput(open, { nickname: once.input.nickname.toUpperCase(), guardianEmail: once.input.guardianEmail.toUpperCase() });
		expect(await bookTrial(db(), again, context)).toEqual({ ok: false, problem: 'trials_error_already_booked' });
	});

	it('limits the mails one address and one IP address can cause', async () => {
		const sessionId = await createTrialSession(db(), { capacity: 50 });
		const guardianEmail = `flooded-${Date.now()}@example.jp`;
		const outcomes = [];
		for (let index = 0; index < 4; index++) {
			outcomes.push((await bookTrial(db(), bookingInput(sessionId, { guardianEmail, nickname: `child${index}` }), context)).ok);
		}
		expect(outcomes).toEqual([true, true, true, false]);
		const ip = `10.77.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
		const fromOneAddress = [];
		for (let index = 0; index < 21; index++) fromOneAddress.push((await bookTrial(db(), bookingInput(sessionId), { ...context, ip })).ok);
		expect(fromOneAddress.filter(Boolean)).toHaveLength(20);
	});

	it('keeps members out of trial seats and trial sessions out of nobody’s view', async () => {
		const sessionId = await createTrialSession(db());
		const [student] = await createStudents(db(), 1);
		expect(await sessions.rsvp(db(), sessionId, student!.id)).toEqual({ ok: false, problem: 'session_error_trial' });
		expect((await listUpcomingTrials(db(), new Date(), 500)).map((session) => session.id)).toContain(sessionId);
	});

	it('stores the channel named and the ref code only when it is in use', async () => {
		const sessionId = await createTrialSession(db());
		const booked = await book(sessionId, { channel: null, refCode: 'NO-SUCH-CODE' });
		const [row] = await db()
			.select()
			.from(trialBookings)
			.where(eq(trialBookings.id, (await findBooking(db(), booked.token))!.id));
		expect(row).toMatchObject({ channel: null, refCodeId: null });
	});
});
