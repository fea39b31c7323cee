// 今日の問題 end to end: a coordinator chooses a session's exercises, the student with a seat finds them on their home
// page that day, submits one to the real judge, and the session's mentor sees the verdict appear in the room without
// reloading. A mentor not at the session and the student get nothing of the room, and their forged posts change
// nothing.
import { test, expect } from './fixtures';
import { e2eOrigin, slowWork } from './environment';
import { newPage } from './support/pages';
import { japanDate, japanDateTime } from '../src/lib/japan-time';
import * as sessions from '../src/lib/server/club-sessions';
import { insertMember } from '../src/lib/server/membership/testing';
import { members } from '../src/lib/server/membership/schema';
import { eq } from 'drizzle-orm';

test('a coordinator sets today’s exercises; the student with a seat sees 今日の問題; the mentor’s room shows their verdict', async ({
	browser,
	database,
	demoExercises,
	makeUser,
	logIn,
	expectAccessible
}) => {
	void demoExercises;
	test.setTimeout(slowWork * 3);
	const db = database.db;
	// A session on today's Japan date that has already started (at midnight if it is not an hour old yet), so that
	// 今日の問題 shows whatever the time of the run; people answered the week before.
	const now = new Date();
	const startsAt = new Date(Math.max(japanDateTime(japanDate(now), '00:00').getTime(), now.getTime() - 60 * 60_000));
	const answeredAt = new Date(startsAt.getTime() - 7 * 24 * 60 * 60_000);
	const coordinator = await makeUser({ roles: ['coordinator'] });
	const sessionId = await sessions.createSession(
		db,
		{ id: coordinator.id, displayName: coordinator.displayName },
		{
			title: '今日の問題の活動日',
			startsAt,
			endsAt: new Date(now.getTime() + 3 * 60 * 60_000),
			venue: '金沢未来のまち創造館',
			onlineUrl: null,
			capacity: 10,
			mentorsNeeded: 1,
			notes: null
		},
		answeredAt
	);
	const student = await makeUser({ roles: ['student'] });
	const member = await insertMember(db, { userId: student.id, fullName: '本名 今日子', joinedOn: japanDate(now), grade: 'jh1' });
	await db.update(members).set({ nickname: 'きょうこ' }).where(eq(members.id, member.id));
	expect(await sessions.rsvp(db, sessionId, student.id, answeredAt)).toMatchObject({ ok: true, status: 'confirmed' });
	const mentor = await makeUser({ roles: ['mentor'] });
	expect(await sessions.signUpMentor(db, sessionId, mentor.id, answeredAt)).toEqual({ ok: true });

	// The coordinator chooses two exercises and puts the second first.
	const staff = await newPage(browser);
	await logIn(staff, coordinator);
	await staff.goto(`/coordinator/sessions/${sessionId}`);
	await staff.getByRole('link', { name: '問題を選ぶ' }).click();
	await expect(staff.getByRole('heading', { name: '今日の問題を選ぶ' })).toBeVisible();
	for (const title of ['あいさつしよう', '2つの数の足し算']) {
		await staff.getByLabel('追加する問題').selectOption({ label: `${title}（難しさ 1）` });
		await staff.getByRole('button', { name: '追加する' }).click();
		await expect(staff.getByText('問題を追加しました。')).toBeVisible();
	}
	await staff.getByRole('button', { name: '「2つの数の足し算」を上へ移す' }).click();
	await expect(staff.getByText('順番を変えました。')).toBeVisible();
	await expect(staff.getByRole('list').filter({ hasText: 'あいさつしよう' }).getByRole('listitem')).toHaveText([/2つの数の足し算/, /あいさつしよう/]);
	await expectAccessible(staff);

	// The student sees 今日の問題 on their home page, in that order, nothing started yet.
	const studentPage = await newPage(browser);
	await logIn(studentPage, student);
	await studentPage.goto('/student');
	const today = studentPage.getByRole('region', { name: '今日の問題' });
	await expect(today.getByRole('listitem')).toHaveText([/2つの数の足し算\s*まだ/, /あいさつしよう\s*まだ/]);
	await expectAccessible(studentPage);

	// The mentor opens the room before the student submits.
	const mentorPage = await newPage(browser);
	await logIn(mentorPage, mentor);
	await mentorPage.goto('/mentor');
	await mentorPage.getByRole('link', { name: '教室のようす' }).click();
	await expect(mentorPage.getByRole('heading', { name: '教室のようす' })).toBeVisible();
	const row = mentorPage.getByRole('row', { name: /きょうこ/ });
	await expect(row).toContainText('中1');
	await expect(row).not.toContainText('本名');
	await expect(row.getByRole('cell').first()).toContainText('まだ');
	await expectAccessible(mentorPage);

	// The student submits a wrong program to the real judge; the room shows it without a reload.
	const submitted = await studentPage.request.post('/api/submissions', {
		headers: { 'content-type': 'application/json', origin: e2eOrigin },
		data: { exercise: 'sum-of-two-numbers', language: 'python', source: 'print("hello")\n', mode: 'submit' }
	});
	expect(submitted.status()).toBe(202);
	const { id } = (await submitted.json()) as { id: string };
	await expect
		.poll(async () => ((await (await studentPage.request.get(`/api/submissions/${id}`)).json()) as { verdict: string | null }).verdict, { timeout: slowWork })
		.toBe('WA');
	await expect(row.getByRole('cell').first()).toContainText('不正解 (WA)', { timeout: slowWork });
	await expect(row.getByRole('cell').first()).toContainText('提出1回');
	await studentPage.goto('/student');
	await expect(today.getByRole('listitem').first()).toContainText('挑戦中');

	// A mentor not at this session and the student get nothing of the room, and cannot change the list.
	const outsider = await newPage(browser);
	await logIn(outsider, await makeUser({ roles: ['mentor'] }));
	for (const page of [outsider, studentPage]) {
		expect((await page.request.get(`/sessions/${sessionId}/room`)).status()).toBe(403);
		const api = await page.request.get(`/api/sessions/${sessionId}/room`);
		expect(api.status()).toBe(403);
		expect(await api.text()).not.toContain('きょうこ');
		expect((await page.request.get(`/sessions/${sessionId}/exercises`)).status()).toBe(403);
		for (const action of ['add', 'remove', 'move']) {
			const forged = await page.request.post(`/sessions/${sessionId}/exercises?/${action}`, {
				headers: { origin: e2eOrigin, accept: 'application/json' },
				form: { exercise: 'hello', direction: 'up' }
			});
			expect(forged.status(), action).toBe(403);
		}
	}
	expect((await sessions.listSessionExercises(db, sessionId)).map((exercise) => exercise.slug)).toEqual(['sum-of-two-numbers', 'hello']);

	// The room endpoint answers a bare 304 while nothing changed.
	const first = await mentorPage.request.get(`/api/sessions/${sessionId}/room`);
	const again = await mentorPage.request.get(`/api/sessions/${sessionId}/room`, { headers: { 'if-none-match': first.headers()['etag']! } });
	expect(again.status()).toBe(304);
});
