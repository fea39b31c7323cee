// Badges: a student's first correct answer earns 初めての正解, announced in the celebration and shown on the profile
// with the badges still to earn; the announcement is the student's own, and no other role can ask for it.
import { test, expect } from './fixtures';
import { codeEditor, pasteProgram } from './editor';
import { newPage } from './support/pages';
import { insertMember } from '../src/lib/server/membership/testing';
import { japanDate } from '../src/lib/japan-time';
import { slowWork } from './environment';

const correct = 'print("Hello, World!")\nprint("Hello, Kanazawa!")\n';

test('a student solves a first exercise, is told of 初めての正解 and finds it on the profile', async ({
	browser,
	database,
	makeUser,
	logIn,
	expectAccessible
}) => {
	const student = await makeUser({ roles: ['student'] });
	await insertMember(database.db, { userId: student.id, joinedOn: japanDate(), grade: 'jh1' });
	const page = await newPage(browser);
	await logIn(page, student);

	await page.goto('/student');
	const shelf = page.getByRole('region', { name: 'バッジ' });
	await expect(shelf.getByRole('heading', { name: 'もらったバッジ(0こ)' })).toBeVisible();
	const firstLocked = shelf.getByRole('listitem').filter({ has: page.getByRole('heading', { name: '初めての正解', level: 4 }) });
	await expect(firstLocked).toContainText('問題を1問えらんで提出し、正解(AC)になったらもらえるよ。');
	await expect(firstLocked).toContainText('いま 0 / 1');
	await expectAccessible(page);

	await page.goto('/exercises/hello-world');
	await codeEditor(page);
	await pasteProgram(page, correct);
	await page.getByRole('button', { name: '提出する' }).click();
	const celebration = page.getByRole('status').filter({ hasText: '正解！おめでとう！' });
	await expect(celebration).toBeVisible({ timeout: slowWork });
	await expect(celebration.getByText('新しいバッジをもらったよ！')).toBeVisible();
	await expect(celebration.getByRole('listitem').filter({ hasText: '初めての正解' })).toBeVisible();
	await expectAccessible(page);

	// By keyboard from the celebration to the profile.
	const link = celebration.getByRole('link', { name: 'バッジを見る' });
	await link.focus();
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/\/student#badges$/);
	const earned = shelf.getByRole('listitem').filter({ has: page.getByRole('heading', { name: /初めての正解/, level: 4 }) });
	await expect(shelf.getByRole('heading', { name: 'もらったバッジ(1こ)' })).toBeVisible();
	await expect(earned).toContainText('にもらったよ');
	await expect(earned.getByText('(新しくもらったバッジ)')).toBeAttached();
	await expect(shelf.getByRole('listitem').filter({ has: page.getByRole('heading', { name: '10問クリア', level: 4 }) })).toContainText('いま 1 / 10');
	await expectAccessible(page);

	// Told once: the next correct answer has no badge to announce.
	await page.goto('/exercises/hello-world');
	await codeEditor(page);
	await pasteProgram(page, correct);
	await page.getByRole('button', { name: '提出する' }).click();
	await expect(celebration).toBeVisible({ timeout: slowWork });
	expect(await page.request.post('/api/badges/announcements').then((response) => response.json())).toEqual({ badges: [] });
	await expect(celebration.getByText('新しいバッジをもらったよ！')).toHaveCount(0);
});

test('another student sees none of it, and other roles cannot ask for announcements', async ({ browser, database, makeUser, logIn }) => {
	const classmate = await makeUser({ roles: ['student'] });
	await insertMember(database.db, { userId: classmate.id, joinedOn: japanDate(), grade: 'jh1' });
	const page = await newPage(browser);
	await logIn(page, classmate);
	await page.goto('/student');
	await expect(page.getByRole('region', { name: 'バッジ' }).getByRole('heading', { name: 'もらったバッジ(0こ)' })).toBeVisible();
	expect(await page.request.post('/api/badges/announcements').then((response) => response.json())).toEqual({ badges: [] });

	const mentorPage = await newPage(browser);
	await logIn(mentorPage, await makeUser({ roles: ['mentor'] }));
	expect((await mentorPage.request.post('/api/badges/announcements')).status()).toBe(403);
	const stranger = await newPage(browser);
	expect((await stranger.request.post('/api/badges/announcements')).status()).toBe(401);
});
