import { test, expect } from './fixtures';
import { codeEditor, programText } from './editor';
import type { Page } from '@playwright/test';
async function pasteProgram(page: Page, source: string) {
	const editor = await codeEditor(page);
	await page.locator('.monaco-editor .view-line').first().click();
	await page.keyboard.press('ControlOrMeta+A');
	await page.keyboard.press('Delete');
	await editor.evaluate((element, text) => {
		const data = new DataTransfer();
		data.setData('text/plain', text);
		element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
	}, source);
	await expect(programText(page)).toHaveValue(source);
}
import { insertMember } from '../src/lib/server/membership/testing';
import { japanDate } from '../src/lib/server/membership/dates';

test('screenshots', async ({ browser, database, makeUser, logIn }) => {
	test.setTimeout(300_000);
	const reviews = await import('../src/lib/server/reviews');
	const { recordSubmission } = await import('../src/lib/server/exercises/testing');
	const { exercises } = await import('../src/lib/server/judge/schema');
	const { eq } = await import('drizzle-orm');
	const student = await makeUser({ roles: ['student'] });
	await insertMember(database.db, { userId: student.id, joinedOn: japanDate(), grade: 'jh1' });
	const [exercise] = await database.db.select({ id: exercises.id }).from(exercises).where(eq(exercises.slug, 'sum-to-n'));
	const reviewed = 'n = int(input())\ntotal = 0\nfor i in range(1, n + 1):\n    total += i\nprint(n)\n';
	const submissionId = await recordSubmission(database.db, { userId: student.id, exerciseId: exercise!.id, source: reviewed });
	const request = await reviews.requestReview(database.db, student.id, { submissionId, kind: 'help', question: 'わかりません' }, { origin: 'http://x' });
	if (typeof request === 'string') throw new Error(request);
	const mentor = await makeUser({ roles: ['mentor'] });
	await reviews.claimReview(database.db, mentor.id, request.id);
	await reviews.addLineComment(database.db, mentor.id, request.id, { iteration: 1, line: 5, body: 'ここで表示しているのは n です。合計はどの変数？' });
	await reviews.addLineComment(database.db, mentor.id, request.id, { iteration: 1, line: 2, body: '合計を 0 から始めるのはいいですね。' });
	await reviews.postReview(database.db, mentor.id, request.id, { body: 'おしい！', outcome: 'changes_requested' }, { origin: 'http://x' });
	for (const width of [390, 1280]) {
		const page = await (await browser.newContext({ viewport: { width, height: 900 } })).newPage();
		await logIn(page, student);
		await page.goto('/exercises/sum-to-n');
		await codeEditor(page);
		await pasteProgram(page, '# 合計\n' + reviewed.replace('print(n)', 'print(total)'));
		await page.waitForTimeout(500);
		await page.screenshot({ path: `.shots/editor-${width}.png`, fullPage: true });
		await page.getByRole('button', { name: '提出する' }).click();
		await expect(page.getByText('正解！おめでとう！')).toBeVisible({ timeout: 30_000 });
		await page.waitForTimeout(300);
		await page.screenshot({ path: `.shots/celebrate-${width}.png` });
		await page.screenshot({ path: `.shots/celebrate-full-${width}.png`, fullPage: true });
		await page.goto(`/reviews/${request.id}`);
		await page.screenshot({ path: `.shots/review-${width}.png`, fullPage: true });
		await page.context().close();
	}
});
