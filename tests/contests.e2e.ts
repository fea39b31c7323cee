// Practice contests end to end: a coordinator schedules one over an exercise written for it, a student starts their
// personal window, solves the problem in the real judge and finds themselves on the scoreboard by nickname; the
// problem stays closed to a student who has not started, and a student's forged coordinator form is refused.
import { eq } from 'drizzle-orm';
import { test, expect } from './fixtures';
import { e2eOrigin, slowWork } from './environment';
import { pasteProgram } from './editor';
import { newPage } from './support/pages';
import { japanDateAndTime } from '../src/lib/japan-time';
import { createSumExercise } from '../src/lib/server/judge/testing';
import { members } from '../src/lib/server/membership/schema';
import { insertMember } from '../src/lib/server/membership/testing';

const sumProgram = 'a, b = map(int, input().split())\nprint(a + b)\n';

test('a coordinator schedules a contest; a student starts it, solves a problem and sees the scoreboard', async ({
	browser,
	database,
	makeUser,
	logIn,
	expectAccessible
}) => {
	test.setTimeout(slowWork * 2);
	const exercise = await createSumExercise(database.db, {
		overrides: { titleJa: 'コンテストの足し算', hintsJa: ['ヒント: 足すだけ'], hintsEn: ['Hint: just add'] }
	});
	const coordinatorPage = await newPage(browser);
	await logIn(coordinatorPage, await makeUser({ roles: ['coordinator'] }));
	await coordinatorPage.goto('/coordinator/contests/new');
	await expectAccessible(coordinatorPage);
	const start = japanDateAndTime(new Date());
	const end = japanDateAndTime(new Date(Date.now() + 3 * 60 * 60 * 1000));
	await coordinatorPage.getByLabel('タイトル').fill('E2E 練習コンテスト');
	await coordinatorPage.getByLabel('開始日').fill(start.date);
	await coordinatorPage.getByLabel('開始時刻').fill(start.time);
	await coordinatorPage.getByLabel('終了日').fill(end.date);
	await coordinatorPage.getByLabel('終了時刻').fill(end.time);
	await coordinatorPage.getByLabel('一人ずつの時間（期間中に各自が開始）').check();
	await coordinatorPage.getByLabel('一人ずつの時間（分）').fill('45');
	await coordinatorPage.getByLabel('問題 A').fill(exercise.slug);
	await coordinatorPage.getByRole('button', { name: '作る' }).click();
	await expect(coordinatorPage.getByText('コンテストを作りました。')).toBeVisible();
	await expectAccessible(coordinatorPage);
	const contestPath = new URL(coordinatorPage.url()).pathname.replace('/coordinator', '');

	const student = await makeUser({ roles: ['student'] });
	const member = await insertMember(database.db, { userId: student.id, joinedOn: start.date, fullName: '本名 太郎' });
	await database.db.update(members).set({ nickname: 'こたつ' }).where(eq(members.id, member.id));
	const page = await newPage(browser);
	await logIn(page, student);
	// Before starting, the problem is not there, neither on the contest's page nor at its own address.
	expect((await page.goto(`/exercises/${exercise.slug}`))?.status()).toBe(404);
	await page.goto('/contests');
	await page.getByRole('link', { name: 'E2E 練習コンテスト' }).click();
	await expect(page.getByText('問題は 1 問です。')).toBeVisible();
	await expectAccessible(page);
	await page.getByRole('button', { name: 'はじめる' }).click();
	await expect(page.getByText('コンテスト中です。')).toBeVisible();
	await expect(page.getByText(/残り (44|45):/)).toBeVisible();
	await expectAccessible(page);

	await page.getByRole('link', { name: 'コンテストの足し算' }).click();
	await expect(page.getByRole('heading', { name: 'コンテストの足し算' })).toBeVisible();
	await expect(page.getByText('ヒント: 足すだけ')).toHaveCount(0);
	await pasteProgram(page, sumProgram);
	await page.getByRole('button', { name: '提出する' }).click();
	await expect(page.getByRole('heading', { name: '正解 (AC)' })).toBeVisible({ timeout: slowWork });

	await page.goto(contestPath);
	await expect(page.getByText(/正解 \d+:\d\d/)).toBeVisible();
	await page.getByRole('link', { name: '順位表' }).click();
	const board = page.getByRole('table');
	await expect(board.getByRole('row', { name: /こたつ/ })).toContainText('1');
	await expect(page.getByText('本名 太郎')).toHaveCount(0);
	await expect(page.getByText(student.displayName)).toHaveCount(0);
	await expectAccessible(page);

	// Another student who has not started cannot open or submit to the problem.
	const other = await newPage(browser);
	await logIn(other, await makeUser({ roles: ['student'] }));
	expect((await other.goto(`/exercises/${exercise.slug}`))?.status()).toBe(404);
	const submitted = await other.request.post('/api/submissions', {
		headers: { 'content-type': 'application/json', origin: e2eOrigin },
		data: { exercise: exercise.slug, language: 'python', source: sumProgram, mode: 'submit' }
	});
	expect(submitted.status()).toBe(404);
	// Nor can a student forge the coordinator's forms.
	const forged = await other.request.post(`/coordinator${contestPath}?/cancel`, { headers: { origin: e2eOrigin }, form: {} });
	expect(forged.status()).toBe(403);
	const created = await other.request.post('/coordinator/contests/new?/save', { headers: { origin: e2eOrigin }, form: { title: '乗っ取り' } });
	expect(created.status()).toBe(403);
	await coordinatorPage.reload();
	await expect(coordinatorPage.getByText('このコンテストは中止されました。')).toHaveCount(0);
});
