// A correct answer is celebrated (briefly, said to screen readers, without motion for those who asked for none) and
// leads on to the next exercise in the curriculum; so does a review the mentor passes.
import type { Browser, Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { codeEditor, pasteProgram } from './editor';
import { insertMember } from '../src/lib/server/membership/testing';
import { japanDate } from '../src/lib/japan-time';
import { slowWork } from './environment';

const correct = 'print("Hello, World!")\nprint("Hello, Kanazawa!")\n';

async function studentPage(browser: Browser, options: { reducedMotion?: 'reduce' | 'no-preference' } = {}): Promise<Page> {
	return (await browser.newContext({ reducedMotion: options.reducedMotion ?? 'no-preference' })).newPage();
}

test('a correct answer is celebrated and leads to the next exercise in the curriculum', async ({ browser, database, makeUser, logIn, expectAccessible }) => {
	const student = await makeUser({ roles: ['student'] });
	await insertMember(database.db, { userId: student.id, joinedOn: japanDate(), grade: 'jh1' });
	const page = await studentPage(browser);
	await logIn(page, student);
	await page.goto('/exercises/hello-world');
	await codeEditor(page);

	// A wrong answer first: nothing to celebrate.
	await pasteProgram(page, 'print("Hello")\n');
	await page.getByRole('button', { name: '提出する' }).click();
	await expect(page.getByRole('region', { name: '判定の結果' }).getByRole('heading', { name: '不正解 (WA)' })).toBeVisible({ timeout: slowWork });
	const celebration = page.getByRole('status').filter({ hasText: '正解！おめでとう！' });
	await expect(celebration).toHaveCount(0);

	await pasteProgram(page, correct);
	await page.getByRole('button', { name: '提出する' }).click();
	await expect(celebration).toBeVisible({ timeout: slowWork });
	await expect(celebration.locator('.confetti span').first()).toBeVisible();
	await expect(celebration.getByRole('link', { name: 'メンターにレビューを頼む（もっとよい書き方を教えてもらう）' })).toHaveAttribute(
		'href',
		'/exercises/hello-world/history'
	);
	await expectAccessible(page);
	// The page offers the next exercise below the workspace too, and the header shows this one solved.
	await expect(page.getByRole('region', { name: '次の問題' }).getByRole('link', { name: '次の問題：名前であいさつ' })).toBeVisible();

	await celebration.getByRole('link', { name: '次の問題：名前であいさつ' }).click();
	await expect(page).toHaveURL(/\/exercises\/hello-name$/);
	await expect(page.getByRole('heading', { name: '名前であいさつ', level: 1 })).toBeVisible();
	// Nothing of the last exercise's success carries over to this one.
	await expect(celebration).toHaveCount(0);
	await expect(page.getByRole('region', { name: '次の問題' })).toHaveCount(0);
	await expect(page.getByRole('link', { name: '提出の記録(0)' })).toBeVisible();
});

test('with reduced motion the celebration has no confetti, and it can be closed', async ({ browser, database, makeUser, logIn }) => {
	const student = await makeUser({ roles: ['student'] });
	await insertMember(database.db, { userId: student.id, joinedOn: japanDate(), grade: 'jh1' });
	const page = await studentPage(browser, { reducedMotion: 'reduce' });
	await logIn(page, student);
	await page.goto('/exercises/hello-world');
	await codeEditor(page);
	await pasteProgram(page, correct);
	await page.getByRole('button', { name: '提出する' }).click();
	const celebration = page.getByRole('status').filter({ hasText: '正解！おめでとう！' });
	await expect(celebration).toBeVisible({ timeout: slowWork });
	await expect(celebration.locator('.confetti')).toBeHidden();
	expect(await celebration.locator('.celebration').evaluate((element) => getComputedStyle(element).animationName)).toBe('none');
	await celebration.getByRole('button', { name: '閉じる' }).click();
	await expect(celebration).toHaveCount(0);
});

test('a review the mentor passes offers the next exercise', async ({ browser, database, makeUser, logIn }) => {
	const reviews = await import('../src/lib/server/reviews');
	const { recordSubmission } = await import('../src/lib/server/exercises/testing');
	const { exercises } = await import('../src/lib/server/db/schema');
	const { eq } = await import('drizzle-orm');
	const student = await makeUser({ roles: ['student'] });
	await insertMember(database.db, { userId: student.id, joinedOn: japanDate(), grade: 'jh1' });
	const [exercise] = await database.db.select({ id: exercises.id }).from(exercises).where(eq(exercises.slug, 'hello-world'));
	const submissionId = await recordSubmission(database.db, { userId: student.id, exerciseId: exercise!.id, source: correct, verdict: 'AC' });
	const request = await reviews.requestReview(database.db, student.id, { submissionId, kind: 'review', question: undefined }, { origin: 'http://localhost' });
	if (!request.ok) throw new Error(request.problem);

	const page = await studentPage(browser);
	await logIn(page, student);
	await page.goto(`/reviews/${request.id}`);
	await expect(page.getByRole('region', { name: '合格おめでとう！次の問題へ' })).toHaveCount(0);

	const mentor = await makeUser({ roles: ['mentor'] });
	expect(await reviews.claimReview(database.db, mentor.id, request.id)).toEqual({ ok: true });
	expect(
		await reviews.postReview(database.db, mentor.id, request.id, { body: 'きれいに書けています。', outcome: 'approved' }, { origin: 'http://localhost' })
	).toEqual({ ok: true });
	await page.reload();
	const passed = page.getByRole('region', { name: '合格おめでとう！次の問題へ' });
	await passed.getByRole('link', { name: '次の問題：名前であいさつ' }).click();
	await expect(page).toHaveURL(/\/exercises\/hello-name$/);
});
