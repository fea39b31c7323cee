import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../db/testing';
import { outboxMail } from '../db/schema';
import { createUser } from '../testing/factories';
import { japanDateTime } from '../../japan-time';
import { cancelRsvp, rsvp, signUpMentor } from './participation';
import { cancelSession } from './sessions';
import { createStudents, createTestSession, testOrigin } from './testing';
import { setMailPreferences } from '../notifications';
import { sendSessionReminders } from './reminders';
import { notifications } from '../notifications/schema';

const context = { origin: testOrigin };
const minute = 60_000;

describeEachDatabase('day-before session reminders', (connection) => {
	const db = () => connection().db;
	const remindersOf = async (userId: string) =>
		(await db().select().from(notifications).where(eq(notifications.userId, userId))).filter((row) => row.kind === 'session_reminder');

	/** A session on a Saturday 13:00 in Japan, answered a week before; its reminder is due on Friday at 17:00. */
	async function saturdaySession(options: { capacity?: number } = {}) {
		const startsAt = japanDateTime('2031-03-08', '13:00');
		const answeredAt = new Date(startsAt.getTime() - 7 * 24 * 60 * minute);
		const sessionId = await createTestSession(db(), { startsAt, capacity: options.capacity ?? 1 }, answeredAt);
		return { sessionId, startsAt, answeredAt, dueAt: japanDateTime('2031-03-07', '17:00') };
	}

	it('reminds confirmed students and mentors once, from 17:00 Japan time the day before', async () => {
		const { sessionId, answeredAt, dueAt } = await saturdaySession();
		const [student, waiting] = await createStudents(db(), 2);
		const mentor = await createUser(db(), { roles: ['mentor'] });
		await rsvp(db(), sessionId, student!.id, answeredAt);
		await rsvp(db(), sessionId, waiting!.id, answeredAt);
		await signUpMentor(db(), sessionId, mentor.id, answeredAt);

		await sendSessionReminders(db(), new Date(dueAt.getTime() - minute), context);
		expect(await remindersOf(student!.id)).toEqual([]);

		await sendSessionReminders(db(), dueAt, context);
		await sendSessionReminders(db(), new Date(dueAt.getTime() + 5 * minute), context);
		expect(await remindersOf(student!.id)).toHaveLength(1);
		expect(await remindersOf(mentor.id)).toHaveLength(1);
		expect(await remindersOf(waiting!.id)).toEqual([]);
		const mails = await db().select().from(outboxMail).where(eq(outboxMail.toAddress, student!.email));
		expect(mails.map((mail) => mail.subject)).toEqual(['【金沢IT部活】活動日のお知らせ：金沢IT部活 活動日']);
		expect(mails[0]!.textBody).toContain('2031年3月8日(土) 13:00〜16:00');
	});

	it('sends each reminder once even when several servers run the job at the same moment', async () => {
		const { sessionId, answeredAt, dueAt } = await saturdaySession({ capacity: 20 });
		const students = await createStudents(db(), 12);
		for (const student of students) await rsvp(db(), sessionId, student.id, answeredAt);
		const sent = await Promise.all([1, 2, 3].map(() => sendSessionReminders(db(), dueAt, context)));
		expect(sent.reduce((sum, count) => sum + count, 0)).toBe(12);
		for (const student of students) expect(await remindersOf(student.id)).toHaveLength(1);
	});

	it('does not remind for a cancelled or started session, nor someone who cancelled or answered after the hour', async () => {
		const first = await saturdaySession({ capacity: 5 });
		const [cancelledLater, answeredLate, inCancelledSession] = await createStudents(db(), 3);
		await rsvp(db(), first.sessionId, cancelledLater!.id, first.answeredAt);
		await cancelRsvp(db(), first.sessionId, cancelledLater!.id, { ...context, now: first.answeredAt });
		await rsvp(db(), first.sessionId, answeredLate!.id, new Date(first.dueAt.getTime() + minute));
		const second = await saturdaySession();
		await rsvp(db(), second.sessionId, inCancelledSession!.id, second.answeredAt);
		await cancelSession(db(), second.sessionId, { ...context, now: second.answeredAt });

		await sendSessionReminders(db(), new Date(first.dueAt.getTime() + 2 * minute), context);
		await sendSessionReminders(db(), new Date(first.startsAt.getTime() + minute), context);
		for (const person of [cancelledLater!, answeredLate!, inCancelledSession!]) expect(await remindersOf(person.id)).toEqual([]);
	});

	it('keeps the reminder in the app but sends no mail to someone who turned reminder mails off', async () => {
		const { sessionId, answeredAt, dueAt } = await saturdaySession();
		const [student] = await createStudents(db(), 1);
		await setMailPreferences(db(), student!.id, ['student'], new Set());
		await rsvp(db(), sessionId, student!.id, answeredAt);
		await sendSessionReminders(db(), dueAt, context);
		expect(await remindersOf(student!.id)).toHaveLength(1);
		expect(await db().select().from(outboxMail).where(eq(outboxMail.toAddress, student!.email))).toEqual([]);
	});
});
