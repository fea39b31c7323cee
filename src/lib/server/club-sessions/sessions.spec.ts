import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../db/testing';
import * as audit from '../audit';
import * as auth from '../auth';
import { parseCsv } from '../csv';
import { insertMember } from '../membership/testing';
import { createUser } from '../testing/factories';
import { checkInList, exportAttendance, recordAttendance } from './attendance';
import { calendarFeed, calendarFeedStatus, createCalendarFeed, deleteCalendarFeed } from './feeds';
import { cancelRsvp, rsvp, signUpMentor } from './participation';
import { cancelSession, getSession } from './sessions';
import { attendanceSummary } from './summary';
import { japanDateTime } from '../../japan-time';
import { calendarFeeds } from './schema';
import { createStudents, createTestSession, day, testOrigin } from './testing';

/** The VEVENT blocks of an .ics text, each as a map of property name to unfolded value. */
function events(ics: string): Array<Record<string, string>> {
	const lines = ics.replace(/\r\n /g, '').split('\r\n');
	const found: Array<Record<string, string>> = [];
	let current: Record<string, string> | null = null;
	for (const line of lines) {
		if (line === 'BEGIN:VEVENT') current = {};
		else if (line === 'END:VEVENT') {
			found.push(current!);
			current = null;
		} else if (current) {
			const colon = line.indexOf(':');
			current[line.slice(0, colon)] = line.slice(colon + 1);
		}
	}
	return found;
}

describeEachDatabase('sessions: attendance and calendar feeds', (connection) => {
	const db = () => connection().db;

	it('lists who comes for check-in, records who came, and exports it as CSV (audited)', async () => {
		const coordinator = await createUser(db(), { roles: ['coordinator'] });
		const actor = { id: coordinator.id, displayName: coordinator.displayName };
		const sessionId = await createTestSession(db(), { capacity: 1 });
		const [present, waiting, gone] = await createStudents(db(), 3);
		await insertMember(db(), { userId: present!.id, joinedOn: '2026-04-10', grade: 'hs1', fullName: '香林 坊太' });
		const mentor = await createUser(db(), { roles: ['mentor'] });
		await rsvp(db(), sessionId, present!.id);
		await rsvp(db(), sessionId, waiting!.id);
		await rsvp(db(), sessionId, gone!.id);
		await cancelRsvp(db(), sessionId, gone!.id, { origin: testOrigin });
		await signUpMentor(db(), sessionId, mentor.id);

		const list = (await checkInList(db(), sessionId, '2026-11-30'))!;
		expect(list.rows.map((row) => [row.role, row.status, row.fullName ?? row.displayName])).toEqual([
			['student', 'confirmed', '香林 坊太'],
			['student', 'waitlisted', waiting!.displayName],
			['mentor', 'confirmed', mentor.displayName]
		]);
		const [student, , helper] = list.rows;
		expect(await recordAttendance(db(), actor, sessionId, [student!.participantId, helper!.participantId])).toEqual({ ok: true });
		expect(await getSession(db(), sessionId)).toMatchObject({ attendedStudents: 1, attendedMentors: 1 });
		await recordAttendance(db(), actor, sessionId, [helper!.participantId]);
		expect(await getSession(db(), sessionId)).toMatchObject({ attendedStudents: 0, attendedMentors: 1 });
		await recordAttendance(db(), actor, sessionId, [student!.participantId, helper!.participantId]);

		const exported = (await exportAttendance(db(), actor, sessionId, 'ja'))!;
		const rows = parseCsv(exported.csv);
		expect(rows[1]).toEqual(['区分', '部員番号', '氏名', 'ニックネーム', '学年', '所属', '申し込み', '出欠']);
		expect(rows[2]).toEqual(['部員', expect.stringMatching(/^KIB-2026-\d{4}$/), '香林 坊太', 'テスト部員', '高1', '', '参加予定', '出席']);
		expect(rows[3]?.[6]).toBe('キャンセル待ち');
		expect(rows[3]?.[7]).toBe('欠席');
		const [event] = await audit.listEvents(db(), { action: 'attendance_exported', limit: 1 });
		expect(event).toMatchObject({ actorId: coordinator.id, detail: { sessionId, count: 3 } });
	});

	it('counts this school year’s attendance for the dashboard', async () => {
		const now = japanDateTime('2031-06-15', '18:00');
		const before = await attendanceSummary(db(), now);
		const coordinator = await createUser(db(), { roles: ['coordinator'] });
		const startsAt = japanDateTime('2031-06-14', '13:00');
		const sessionId = await createTestSession(db(), { startsAt, capacity: 5 }, new Date(startsAt.getTime() - 7 * day));
		const students = await createStudents(db(), 2);
		for (const student of students) await rsvp(db(), sessionId, student.id, new Date(startsAt.getTime() - 2 * day));
		const list = (await checkInList(db(), sessionId))!;
		await recordAttendance(db(), { id: coordinator.id, displayName: coordinator.displayName }, sessionId, [list.rows[0]!.participantId]);
		const after = await attendanceSummary(db(), now);
		expect(after.schoolYear).toBe(2031);
		expect(after.studentAttendances - before.studentAttendances).toBe(1);
		expect(after.sessionsHeld - before.sessionsHeld).toBe(1);
		expect(after.recent[0]?.id).toBe(sessionId);
	});

	it('serves a personal iCalendar feed of one’s own sessions behind a secret token', async () => {
		const [student] = await createStudents(db(), 1);
		const other = await createUser(db(), { roles: ['student'] });
		const mine = await createTestSession(db(), {
			title: '活動日; 初心者, 歓迎',
			capacity: 5,
			notes: '持ち物:\nノートPC',
			onlineUrl: 'https://meet.example.jp/a'
		});
		const waiting = await createTestSession(db(), { title: '満席の日', capacity: 1 });
		const cancelled = await createTestSession(db(), { title: '中止の日' });
		const notMine = await createTestSession(db(), { title: '別の日' });
		await rsvp(db(), waiting, other.id);
		for (const sessionId of [mine, waiting, cancelled]) await rsvp(db(), sessionId, student!.id);
		await rsvp(db(), notMine, other.id);
		await cancelSession(db(), cancelled, { origin: testOrigin });

		expect(await calendarFeed(db(), 'a'.repeat(32), { origin: testOrigin })).toBeNull();
		const token = await createCalendarFeed(db(), student!.id);
		const ics = (await calendarFeed(db(), token, { origin: testOrigin }))!;
		expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
		const found = events(ics);
		expect(found.map((event) => event.SUMMARY)).toEqual(['活動日\\; 初心者\\, 歓迎', '満席の日', '【中止】中止の日']);
		const [first, second, third] = found;
		expect(first).toMatchObject({
			UID: `${mine}@it-bukatsu-portal`,
			STATUS: 'CONFIRMED',
			LOCATION: '金沢未来のまち創造館',
			URL: `${testOrigin}/sessions/${mine}`
		});
		expect(first!.DTSTART).toMatch(/^\d{8}T\d{6}Z$/);
		expect(first!.DESCRIPTION).toContain('持ち物:\\nノートPC');
		expect(first!.DESCRIPTION).toContain('https://meet.example.jp/a');
		expect(second).toMatchObject({ STATUS: 'TENTATIVE' });
		expect(third).toMatchObject({ STATUS: 'CANCELLED' });
		expect(await calendarFeedStatus(db(), student!.id)).toMatchObject({ lastFetchedAt: expect.any(Date) });

		const renewed = await createCalendarFeed(db(), student!.id);
		expect(await calendarFeed(db(), token, { origin: testOrigin })).toBeNull();
		expect(await calendarFeed(db(), renewed, { origin: testOrigin })).not.toBeNull();
		await auth.setDisabled(db(), student!.id, true);
		expect(await calendarFeed(db(), renewed, { origin: testOrigin })).toBeNull();
		await deleteCalendarFeed(db(), student!.id);
		expect(await db().select().from(calendarFeeds).where(eq(calendarFeeds.userId, student!.id))).toEqual([]);
	});

	it('gives coordinators every session in their feed', async () => {
		const coordinator = await createUser(db(), { roles: ['coordinator'] });
		const sessionId = await createTestSession(db(), { title: '事務局も見る日' });
		const ics = (await calendarFeed(db(), await createCalendarFeed(db(), coordinator.id), { origin: testOrigin }))!;
		expect(events(ics).find((event) => event.UID === `${sessionId}@it-bukatsu-portal`)).toMatchObject({ SUMMARY: '事務局も見る日', STATUS: 'CONFIRMED' });
	});
});
