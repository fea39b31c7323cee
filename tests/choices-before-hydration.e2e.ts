// Choices made before the page has finished loading survive it: someone on a slow connection ticks a radio button,
// a checkbox or picks from a list while the page's scripts are still on their way, and hydration must not undo it.
import { test, expect } from './fixtures';
import { newPage } from './support/pages';
import { changeEveryChoice, choicesOf, holdScripts } from './hydration';
import { uniqueEmail, type TestUser } from '../src/lib/server/testing/factories';

test('a student picks 学年 on /join before the page has loaded, and the application goes through', async ({ browser, makeUser, logIn }) => {
	const page = await newPage(browser);
	await logIn(page, await makeUser());
	const hydrate = await holdScripts(page);
	await page.goto('/join', { waitUntil: 'domcontentloaded' });
	await page.getByLabel('ニックネーム').fill('はやとちり');
	await page.getByLabel('氏名', { exact: true }).fill('早川 はやと');
	await page.getByLabel('学校', { exact: true }).selectOption({ label: '金沢市立兼六中学校' });
	await page.getByLabel('中1').check();
	await page.getByLabel('男性').check();
	await page.getByLabel('保護者の方の氏名').fill('早川 保護者');
	await page.getByLabel('保護者の方のメールアドレス').fill(uniqueEmail('guardian'));
	await page.getByLabel('上の「集める情報と、その使い道」を読みました').check();
	await hydrate();

	await expect(page.getByLabel('中1')).toBeChecked();
	await expect(page.getByLabel('男性')).toBeChecked();
	await expect(page.getByLabel('学校', { exact: true })).toHaveValue('k-kenroku');
	await expect(page.getByLabel('上の「集める情報と、その使い道」を読みました')).toBeChecked();
	await expect(page.getByLabel('ニックネーム')).toHaveValue('はやとちり');
	await page.getByRole('button', { name: '申し込む' }).click();
	await expect(page.getByText('保護者の方の同意を待っています。')).toBeVisible();
});

test('every form keeps radio buttons, checkboxes and lists chosen before the page has loaded', async ({ browser, database, makeUser, logIn }) => {
	const { insertMember } = await import('../src/lib/server/membership/testing');
	const { recordSubmission } = await import('../src/lib/server/exercises/testing');
	const { createTestSession } = await import('../src/lib/server/club-sessions/testing');
	const sessions = await import('../src/lib/server/club-sessions');
	const reviews = await import('../src/lib/server/reviews');
	const { exercises } = await import('../src/lib/server/db/schema');
	const { eq } = await import('drizzle-orm');

	const coordinator = await makeUser({ roles: ['coordinator'] });
	const mentor = await makeUser({ roles: ['mentor'] });
	const student = await makeUser({ roles: ['student'] });
	const newcomer = await makeUser();
	const member = await insertMember(database.db, { userId: student.id, joinedOn: '2026-04-01', grade: 'jh2' });
	const [exercise] = await database.db.select({ id: exercises.id }).from(exercises).where(eq(exercises.slug, 'sum-to-n'));
	const submissionId = await recordSubmission(database.db, { userId: student.id, exerciseId: exercise!.id, source: 'print(0)\n' });
	const request = await reviews.requestReview(database.db, student.id, { submissionId, kind: 'review', question: undefined }, { origin: 'http://localhost' });
	if (!request.ok) throw new Error(request.problem);
	expect(await reviews.claimReview(database.db, mentor.id, request.id)).toEqual({ ok: true });
	const sessionId = await createTestSession(database.db);
	expect(await sessions.rsvp(database.db, sessionId, student.id)).toEqual({ ok: true, status: 'confirmed' });

	const walks: Array<{ user: TestUser; paths: string[] }> = [
		{ user: newcomer, paths: ['/mentors/apply', '/settings'] },
		{ user: student, paths: ['/exercises', '/settings'] },
		{ user: mentor, paths: ['/mentor/reviews', `/mentor/reviews/${request.id}`, '/settings'] },
		{
			user: coordinator,
			paths: [
				'/coordinator/members',
				`/coordinator/members/${member.id}`,
				'/coordinator/audit',
				'/coordinator/accounts',
				'/coordinator/organisations',
				`/coordinator/sessions/${sessionId}/attendance`,
				'/author/exercises/new'
			]
		}
	];
	for (const { user, paths } of walks) {
		const page = await newPage(browser);
		await logIn(page, user);
		for (const path of paths) {
			const hydrate = await holdScripts(page);
			await page.goto(path, { waitUntil: 'domcontentloaded' });
			const untouched = await choicesOf(page);
			await changeEveryChoice(page);
			const chosen = await choicesOf(page);
			expect(chosen, `${path}: something to choose`).not.toEqual(untouched);
			await hydrate();
			expect(await choicesOf(page), `${path}: after hydration`).toEqual(chosen);
		}
		await page.context().close();
	}
});
