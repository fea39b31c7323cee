// The account's language follows the person: saved as English, the next login on another computer is in English, and
// every notification reads in the language the reader uses, the exercise's title included.
import { test, expect } from './fixtures';
import { newPage } from './support/pages';

test('a student who saved English is greeted in English at the next login, notifications included', async ({ browser, database, makeUser, logIn }) => {
	const reviews = await import('../src/lib/server/reviews');
	const { recordSubmission } = await import('../src/lib/server/exercises/testing');
	const { exercises } = await import('../src/lib/server/db/schema');
	const { eq } = await import('drizzle-orm');
	const student = await makeUser({ roles: ['student'] });

	// On the school's computer: 設定 → 表示言語 → English, then log out.
	const school = await newPage(browser);
	await logIn(school, student);
	await school.getByRole('link', { name: 'アカウント設定' }).click();
	await school.getByLabel('表示言語').selectOption('en');
	await school.getByRole('button', { name: '保存する', exact: true }).click();
	await expect(school.getByText('Saved.')).toBeVisible();
	await school.getByRole('button', { name: 'Log out', exact: true }).click();

	// A mentor reviews their Sum from 1 to N meanwhile.
	const [exercise] = await database.db.select({ id: exercises.id }).from(exercises).where(eq(exercises.slug, 'sum-to-n'));
	const submissionId = await recordSubmission(database.db, { userId: student.id, exerciseId: exercise!.id, source: 'print(0)\n' });
	const request = await reviews.requestReview(database.db, student.id, { submissionId, kind: 'review', question: undefined }, { origin: 'http://localhost' });
	if (!request.ok) throw new Error(request.problem);
	const mentor = await makeUser({ roles: ['mentor'] });
	expect(await reviews.claimReview(database.db, mentor.id, request.id)).toEqual({ ok: true });
	expect(
		await reviews.postReview(database.db, mentor.id, request.id, { body: 'Nice start!', outcome: 'changes_requested' }, { origin: 'http://localhost' })
	).toEqual({ ok: true });

	// At home, a browser that has never seen the portal (Japanese by default): the login page is Japanese, the portal
	// after login is English.
	const home = await newPage(browser);
	await logIn(home, student);
	await expect(home.locator('html')).toHaveAttribute('lang', 'en');
	await home.getByRole('link', { name: /^Notifications/ }).click();
	await expect(home.getByRole('heading', { name: 'Notifications', level: 1 })).toBeVisible();
	const notice = home.getByRole('link', { name: /Sum from 1 to N/ });
	await expect(notice).toHaveText('New code review: Sum from 1 to N');

	// Switched to Japanese from the header, the same notification reads in Japanese, title and all.
	await home.getByLabel('Language', { exact: true }).selectOption('ja');
	await home.getByRole('button', { name: 'Switch' }).click();
	await expect(home.getByRole('heading', { name: 'お知らせ', level: 1 })).toBeVisible();
	await expect(home.getByRole('link', { name: 'コードレビューが届きました：1 から N までの合計' })).toBeVisible();
	await expect(home.locator('main')).not.toContainText('Sum from 1 to N');
});
