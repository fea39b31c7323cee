import { and, eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../db/testing';
import { outboxMail } from '../db/schema';
import { notifications } from '../notifications/schema';
import { createUser } from '../testing/factories';
import { cancelRsvp, participationOf, rsvp, signUpMentor, upcomingSessionsOf } from './participation';
import { cancelSession, getSession, updateSession, type SessionInput } from './sessions';
import { clubSessionParticipants } from './schema';
import { createStudents, createTestSession, day, testOrigin } from './testing';

const context = { origin: testOrigin };

describeEachDatabase('session RSVPs and the waitlist', (connection) => {
	const db = () => connection().db;

	async function statuses(sessionId: string, userIds: string[]) {
		const answers = await Promise.all(userIds.map((userId) => participationOf(db(), userId, [sessionId])));
		return answers.map((answer) => answer[sessionId]?.status ?? 'none');
	}

	it('gives seats up to capacity, then waitlist places in order of arrival', async () => {
		const sessionId = await createTestSession(db(), { capacity: 2 });
		const students = await createStudents(db(), 4);
		const answers = [];
		for (const student of students) answers.push(await rsvp(db(), sessionId, student.id));
		expect(answers.map((answer) => answer.ok && answer.status)).toEqual(['confirmed', 'confirmed', 'waitlisted', 'waitlisted']);
		expect(await rsvp(db(), sessionId, students[0]!.id)).toEqual({ ok: true, status: 'confirmed' });
		const positions = await Promise.all(students.map((student) => participationOf(db(), student.id, [sessionId])));
		expect(positions.map((answer) => answer[sessionId]?.waitlistPosition)).toEqual([null, null, 1, 2]);
		expect(await getSession(db(), sessionId)).toMatchObject({ confirmedStudents: 2, waitlisted: 2 });
	});

	it('moves the first on the waitlist up when someone cancels, and tells them', async () => {
		const sessionId = await createTestSession(db(), { capacity: 1 });
		const [first, second, third] = await createStudents(db(), 3);
		for (const student of [first!, second!, third!]) await rsvp(db(), sessionId, student.id);
		expect(await cancelRsvp(db(), sessionId, first!.id, context)).toEqual({ ok: true });
		expect(await statuses(sessionId, [first!.id, second!.id, third!.id])).toEqual(['none', 'confirmed', 'waitlisted']);
		expect((await participationOf(db(), third!.id, [sessionId]))[sessionId]?.waitlistPosition).toBe(1);

		const [promoted] = await db().select().from(notifications).where(eq(notifications.userId, second!.id));
		expect(promoted).toMatchObject({ kind: 'waitlist_promoted', payload: { sessionId, title: '金沢IT部活 活動日' }, readAt: null });
		const mails = await db().select().from(outboxMail).where(eq(outboxMail.toAddress, second!.email));
		expect(mails.map((mail) => mail.subject)).toEqual(['【金沢IT部活】参加が決まりました：金沢IT部活 活動日']);
		expect(mails[0]!.textBody).toContain(`${testOrigin}/sessions/${sessionId}`);
		// The one still waiting is not told anything.
		expect(await db().select().from(notifications).where(eq(notifications.userId, third!.id))).toEqual([]);
	});

	it('puts someone who answers again after cancelling at the back of the waitlist', async () => {
		const sessionId = await createTestSession(db(), { capacity: 1 });
		const [first, second, third] = await createStudents(db(), 3);
		for (const student of [first!, second!, third!]) await rsvp(db(), sessionId, student.id);
		await cancelRsvp(db(), sessionId, second!.id, context);
		expect(await rsvp(db(), sessionId, second!.id)).toEqual({ ok: true, status: 'waitlisted' });
		const [answer] = Object.values(await participationOf(db(), second!.id, [sessionId]));
		expect(answer?.waitlistPosition).toBe(2);
	});

	it('never gives out more seats than there are, with many answers at once', async () => {
		const sessionId = await createTestSession(db(), { capacity: 3 });
		const students = await createStudents(db(), 10);
		const answers = await Promise.all(students.map((student) => rsvp(db(), sessionId, student.id)));
		expect(answers.filter((answer) => answer.ok && answer.status === 'confirmed')).toHaveLength(3);
		expect(answers.filter((answer) => answer.ok && answer.status === 'waitlisted')).toHaveLength(7);
		expect(await getSession(db(), sessionId)).toMatchObject({ confirmedStudents: 3, waitlisted: 7 });
	});

	it('never overfills with cancellations and new answers at the same moment, and promotes first come first served', async () => {
		const sessionId = await createTestSession(db(), { capacity: 2 });
		const [a, b, c, d, e] = await createStudents(db(), 5);
		for (const student of [a!, b!, c!, d!]) await rsvp(db(), sessionId, student.id);
		const late = await createStudents(db(), 3);
		await Promise.all([
			cancelRsvp(db(), sessionId, a!.id, context),
			cancelRsvp(db(), sessionId, b!.id, context),
			rsvp(db(), sessionId, e!.id),
			...late.map((student) => rsvp(db(), sessionId, student.id))
		]);
		const summary = await getSession(db(), sessionId);
		expect(summary?.confirmedStudents).toBe(2);
		// c and d were waiting first; whatever the order of the others, they get the two freed seats.
		expect(await statuses(sessionId, [c!.id, d!.id])).toEqual(['confirmed', 'confirmed']);
		expect(summary?.waitlisted).toBe(4);
	});

	it('moves the waitlist up when seats are added, and never un-confirms anyone when seats are removed', async () => {
		const sessionId = await createTestSession(db(), { capacity: 1 });
		const [first, second, third] = await createStudents(db(), 3);
		for (const student of [first!, second!, third!]) await rsvp(db(), sessionId, student.id);
		const session = (await getSession(db(), sessionId))!;
		const input: SessionInput = { ...session, capacity: 2 };
		expect(await updateSession(db(), sessionId, input, context)).toEqual({ ok: true });
		expect(await statuses(sessionId, [first!.id, second!.id, third!.id])).toEqual(['confirmed', 'confirmed', 'waitlisted']);
		await updateSession(db(), sessionId, { ...input, capacity: 1 }, context);
		expect(await statuses(sessionId, [first!.id, second!.id, third!.id])).toEqual(['confirmed', 'confirmed', 'waitlisted']);
		await cancelRsvp(db(), sessionId, first!.id, context);
		expect(await statuses(sessionId, [second!.id, third!.id])).toEqual(['confirmed', 'waitlisted']);
	});

	it('refuses answers once the session has started, and for a cancelled session', async () => {
		const now = new Date();
		const started = await createTestSession(db(), { startsAt: new Date(now.getTime() - 60_000), endsAt: new Date(now.getTime() + day) });
		const [student] = await createStudents(db(), 1);
		expect(await rsvp(db(), started, student!.id)).toEqual({ ok: false, problem: 'session_error_closed' });
		const cancelled = await createTestSession(db());
		expect(await cancelSession(db(), cancelled, context)).toEqual({ ok: true });
		expect(await rsvp(db(), cancelled, student!.id)).toEqual({ ok: false, problem: 'session_error_cancelled' });
		expect(await rsvp(db(), crypto.randomUUID(), student!.id)).toEqual({ ok: false, problem: 'session_error_not_found' });
		expect(await rsvp(db(), 'not-a-uuid', student!.id)).toEqual({ ok: false, problem: 'session_error_not_found' });
	});

	it('tells everyone coming when a session moves or is cancelled', async () => {
		const sessionId = await createTestSession(db(), { capacity: 1 });
		const [confirmed, waiting] = await createStudents(db(), 2);
		const mentor = await createUser(db(), { roles: ['mentor'] });
		await rsvp(db(), sessionId, confirmed!.id);
		await rsvp(db(), sessionId, waiting!.id);
		await signUpMentor(db(), sessionId, mentor.id);
		const session = (await getSession(db(), sessionId))!;
		await updateSession(db(), sessionId, { ...session, notes: 'お茶があります' }, context);
		expect(await db().select().from(notifications).where(eq(notifications.userId, mentor.id))).toEqual([]);
		await updateSession(db(), sessionId, { ...session, venue: '金沢市役所' }, context);
		await cancelSession(db(), sessionId, context);
		for (const person of [confirmed!, waiting!, mentor]) {
			const kinds = (await db().select().from(notifications).where(eq(notifications.userId, person.id))).map((row) => row.kind);
			expect(kinds.sort()).toEqual(['session_cancelled', 'session_changed']);
		}
	});

	it('lists a person’s upcoming sessions with their answer', async () => {
		const sessionId = await createTestSession(db(), { capacity: 1 });
		const [first, second] = await createStudents(db(), 2);
		await rsvp(db(), sessionId, first!.id);
		await rsvp(db(), sessionId, second!.id);
		const [mine] = await upcomingSessionsOf(db(), second!.id);
		expect(mine).toMatchObject({ id: sessionId, participation: { status: 'waitlisted', waitlistPosition: 1 } });
		const [row] = await db()
			.select()
			.from(clubSessionParticipants)
			.where(and(eq(clubSessionParticipants.sessionId, sessionId), eq(clubSessionParticipants.userId, first!.id)));
		expect(row?.confirmedAt).not.toBeNull();
	});
});
