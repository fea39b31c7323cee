// What time does to trial bookings: one reminder the day before, one invitation to apply after a trial someone
// came to (its link pre-filling the application), and the erasure of personal data after the retention time.
import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../db/testing';
import { createUser } from '../testing/factories';
import * as membership from '../membership';
import { memberApplications } from '../membership/schema';
import { japanDateTime, japanDate } from '$lib/japan-time';
import { markTrialAttendance, sessionBookings } from './attendance';
import { bookTrial, bookingForApplication, cancelBooking, findBooking } from './bookings';
import { eraseExpiredBookings, runTrialJobs, sendTrialInvitations, sendTrialReminders } from './jobs';
import { trialBookings } from './schema';
import { bookingInput, createTrialSession, day, latestBookingToken, mailsTo, testOrigin } from './testing';

describeEachDatabase('trial booking jobs', (connection) => {
	const db = () => connection().db;
	const context = { origin: testOrigin, retentionDays: 30 };

	async function coordinator() {
		const user = await createUser(db(), { roles: ['coordinator'] });
		return { id: user.id, displayName: user.displayName };
	}

	async function book(sessionId: string, now: Date, overrides = {}) {
		const input = bookingInput(sessionId, overrides);
		const outcome = await bookTrial(db(), input, { origin: testOrigin, now });
		if (!outcome.ok) throw new Error(outcome.problem);
		return { ...outcome, input };
	}

	it('reminds booked seats once, from 17:00 Japan time the day before, with a link that cancels', async () => {
		const bookedAt = japanDateTime('2031-05-01', '12:00');
		const sessionId = await createTrialSession(
			db(),
			{ startsAt: japanDateTime('2031-05-10', '10:00'), endsAt: japanDateTime('2031-05-10', '12:00') },
			bookedAt
		);
		const seated = await book(sessionId, bookedAt);
		expect(await sendTrialReminders(db(), japanDateTime('2031-05-09', '16:59'), context)).toBe(0);
		const reminded = await sendTrialReminders(db(), japanDateTime('2031-05-09', '17:00'), context);
		expect(reminded).toBeGreaterThanOrEqual(1);
		expect(await sendTrialReminders(db(), japanDateTime('2031-05-09', '18:00'), context)).toBe(0);
		const mails = await mailsTo(db(), seated.input.guardianEmail);
		expect(mails.filter((mail) => mail.kind === 'trial_reminder')).toHaveLength(1);
		const token = await latestBookingToken(db(), seated.input.guardianEmail);
		expect(token).not.toBe(seated.token);
		expect(await findBooking(db(), seated.token)).toBeNull();
		expect(await cancelBooking(db(), token!, { origin: testOrigin, now: japanDateTime('2031-05-09', '19:00') })).toEqual({ ok: true });
	});

	it('invites only those marked as come, once, after the session; the link pre-fills and the application records its source', async () => {
		const bookedAt = japanDateTime('2031-06-01', '12:00');
		const sessionId = await createTrialSession(
			db(),
			{ startsAt: japanDateTime('2031-06-07', '10:00'), endsAt: japanDateTime('2031-06-07', '12:00') },
			bookedAt
		);
		const came = await book(sessionId, bookedAt, { channel: 'teacher', schoolCode: 'other', schoolOther: '金沢市立どこか中学校' });
		const stayedHome = await book(sessionId, bookedAt);
		const actor = await coordinator();
		const comeId = (await findBooking(db(), came.token))!.id;
		const otherSession = await createTrialSession(db(), {}, bookedAt);
		const stranger = await book(otherSession, bookedAt);
		const strangerId = (await findBooking(db(), stranger.token))!.id;
		expect(await markTrialAttendance(db(), actor, sessionId, [comeId, strangerId, 'not-a-uuid'])).toBe(1);
		expect((await findBooking(db(), stranger.token))!.attended).toBe(false);

		expect(await sendTrialInvitations(db(), japanDateTime('2031-06-07', '11:59'), context)).toBe(0);
		expect(await sendTrialInvitations(db(), japanDateTime('2031-06-07', '12:30'), context)).toBeGreaterThanOrEqual(1);
		await sendTrialInvitations(db(), japanDateTime('2031-06-08', '12:30'), context);
		expect((await mailsTo(db(), came.input.guardianEmail)).filter((mail) => mail.kind === 'trial_invitation')).toHaveLength(1);
		expect((await mailsTo(db(), stayedHome.input.guardianEmail)).filter((mail) => mail.kind === 'trial_invitation')).toHaveLength(0);

		const [invitation] = await mailsTo(db(), came.input.guardianEmail);
		const token = /\/trial\/booking\/([a-z2-7]{32})\/apply/.exec(invitation!.textBody)?.[1];
		const prefill = await bookingForApplication(db(), token!);
		expect(prefill).toMatchObject({
			id: comeId,
			nickname: came.input.nickname,
			grade: 'jh1',
			schoolCode: 'other',
			schoolOther: '金沢市立どこか中学校',
			channel: 'teacher'
		});

		const applicant = await createUser(db(), { roles: ['student'] });
		const applied = await membership.submitApplication(
			db(),
			{ ...applicant, emailVerified: true, locale: 'ja' },
			{
				nickname: prefill!.nickname,
				fullName: '体験 太郎',
				school: prefill!.schoolCode!,
				schoolOther: prefill!.schoolOther ?? undefined,
				grade: prefill!.grade,
				gender: 'unanswered',
				guardianName: '体験 花子',
				guardianEmail: prefill!.guardianEmail,
				agree: 'on'
			},
			testOrigin,
			new Date(),
			{ trialBookingId: prefill!.id, refCodeId: prefill!.refCodeId, channel: prefill!.channel }
		);
		expect(applied).toEqual({ ok: true });
		const [application] = await db().select().from(memberApplications).where(eq(memberApplications.userId, applicant.id));
		expect(application).toMatchObject({ channel: 'teacher', trialBookingId: comeId });
	});

	it('erases the personal data after the retention time, keeps an anonymous count, and writes each coordinator view to the audit log', async () => {
		const bookedAt = japanDateTime('2031-07-01', '12:00');
		const sessionId = await createTrialSession(
			db(),
			{ startsAt: japanDateTime('2031-07-05', '10:00'), endsAt: japanDateTime('2031-07-05', '12:00') },
			bookedAt
		);
		const booked = await book(sessionId, bookedAt, { channel: 'event' });
		const id = (await findBooking(db(), booked.token))!.id;
		await eraseExpiredBookings(db(), japanDateTime('2031-08-03', '12:00'), context);
		expect(await findBooking(db(), booked.token)).not.toBeNull();
		expect(await eraseExpiredBookings(db(), japanDateTime('2031-08-04', '12:01'), context)).toBeGreaterThanOrEqual(1);
		const [row] = await db().select().from(trialBookings).where(eq(trialBookings.id, id));
		expect(row).toMatchObject({ nickname: null, schoolCode: null, schoolOther: null, guardianEmail: null, channel: 'event', grade: 'jh1', status: 'booked' });
		expect(row!.personalDataErasedAt).not.toBeNull();
		expect(await findBooking(db(), booked.token)).toBeNull();
		expect(await bookingForApplication(db(), booked.token)).toBeNull();
		const rows = await sessionBookings(db(), await coordinator(), sessionId);
		expect(rows).toEqual([expect.objectContaining({ id, nickname: null, guardianEmail: null, erased: true })]);
	});

	it('tells bookings of a cancelled session once and moves waitlists up when seats are added', async () => {
		const now = new Date();
		const cancelledId = await createTrialSession(db(), {}, now);
		const booked = await book(cancelledId, now);
		const sessions = await import('../club-sessions');
		await sessions.cancelSession(db(), cancelledId, { origin: testOrigin });
		await runTrialJobs(db(), now, context);
		await runTrialJobs(db(), now, context);
		expect((await mailsTo(db(), booked.input.guardianEmail)).filter((mail) => mail.kind === 'trial_session_cancelled')).toHaveLength(1);

		const fullId = await createTrialSession(db(), { capacity: 1 }, now);
		await book(fullId, now);
		const waiting = await book(fullId, now);
		const session = await sessions.getSession(db(), fullId);
		await sessions.updateSession(db(), fullId, { ...session!, capacity: 2 }, { origin: testOrigin });
		await runTrialJobs(db(), new Date(now.getTime() + 1000), context);
		expect((await findBooking(db(), waiting.token))!.status).toBe('booked');
		expect(japanDate(new Date(now.getTime() + day))).toMatch(/^\d{4}-\d{2}-\d{2}$/);
	});
});
