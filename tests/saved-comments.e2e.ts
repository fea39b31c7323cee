// Mentors' saved comments, in Japanese: one mentor keeps a line comment for the exercise while posting it; another
// mentor reviewing a different student's solution to the same exercise puts it into their comment with one click,
// adapts it and posts it, and the use is counted. Students and other mentors cannot change the set.
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { newPage } from './support/pages';
import { requestedReview } from './support/reviews';
import { slowWork } from './environment';

/** Clicks the line in the read-only editor, as mentors do (the line box follows the editor's cursor once it is there). */
async function chooseLine(page: Page, line: number) {
	await expect(page.locator('.monaco-editor')).toBeVisible({ timeout: slowWork });
	await page
		.locator('.monaco-editor .view-line')
		.nth(line - 1)
		.click();
	await expect(page.getByLabel('行番号')).toHaveValue(String(line));
}

const wrong = 'name = input()\n# あいさつ\nprint("こんにちは、" + name)\n';

test('a mentor saves a comment while posting it; another mentor uses it with a click on the same exercise; nobody else can delete it', async ({
	browser,
	database,
	makeUser,
	logIn,
	expectAccessible
}) => {
	const reviews = await import('../src/lib/server/reviews');
	const requestFor = async () => {
		const student = await makeUser({ roles: ['student'] });
		return { student, ...(await requestedReview(database, student.id, { source: wrong })) };
	};
	const first = await requestFor();
	const second = await requestFor();
	const saved = `「さん」を付け忘れていないかな？ 出力例と見比べてみよう ${Date.now().toString(36)}`;

	const keeper = await makeUser({ roles: ['mentor'] });
	const keeperPage = await newPage(browser);
	await logIn(keeperPage, keeper);
	await keeperPage.goto(`/mentor/reviews/${first.requestId}`);
	await keeperPage.getByRole('button', { name: '引き受ける' }).click();
	await expect(keeperPage.getByText('引き受けました。')).toBeVisible();
	await chooseLine(keeperPage, 3);
	await keeperPage.getByLabel('コメント', { exact: true }).fill(saved);
	await keeperPage.getByLabel(/このコメントを保存して/).check();
	await keeperPage.getByRole('button', { name: '行コメントを追加（下書き）' }).click();
	await expect(keeperPage.getByText('コメントを保存しました。')).toBeVisible();
	const keptList = keeperPage.locator('details.saved');
	await expect(keptList).toContainText(saved);
	await expect(keptList).toContainText('0回使用');

	const user = await makeUser({ roles: ['mentor'] });
	const userPage = await newPage(browser);
	await logIn(userPage, user);
	await userPage.goto(`/mentor/reviews/${second.requestId}`);
	await userPage.getByRole('button', { name: '引き受ける' }).click();
	await expect(userPage.getByText('引き受けました。')).toBeVisible();
	await chooseLine(userPage, 3);
	await userPage.getByRole('button', { name: `このコメントを使う: ${saved}` }).click();
	const box = userPage.getByLabel('コメント', { exact: true });
	await expect(box).toHaveValue(saved);
	await expect(box).toBeFocused();
	await expect(userPage.getByRole('status').filter({ hasText: '保存コメントを入れました' })).toBeVisible();
	await box.press('End');
	await box.pressSequentially(' 3行目だよ');
	await userPage.getByRole('button', { name: '行コメントを追加（下書き）' }).click();
	await expect(userPage.getByRole('heading', { name: 'まだ送っていない行コメント（1件）' })).toBeVisible();
	await expect(box).toHaveValue('');
	await userPage.reload();
	await expect(userPage.locator('details.saved')).toContainText('1回使用');
	// Saved by someone else: this mentor may use it, not delete it.
	await expect(userPage.getByRole('button', { name: `保存コメントを消す: ${saved}` })).toHaveCount(0);
	await expectAccessible(userPage);

	const [kept] = (await reviews.listSavedComments(database.db, keeper.id, first.requestId)).filter((comment) => comment.body === saved);
	expect(kept).toMatchObject({ uses: 1, mine: true });
	const origin = new URL(userPage.url()).origin;
	const forged = await userPage.request.post(`/mentor/reviews/${second.requestId}?/deleteSaved`, {
		form: { savedId: String(kept!.id) },
		headers: { origin, accept: 'application/json' }
	});
	// An action's refusal comes back as a failure inside a 200 (SvelteKit's enhanced-form protocol).
	expect(await forged.json()).toMatchObject({ type: 'failure', status: 404 });
	const studentPage = await newPage(browser);
	await logIn(studentPage, first.student);
	const byStudent = await studentPage.request.post(`/mentor/reviews/${first.requestId}?/deleteSaved`, {
		form: { savedId: String(kept!.id) },
		headers: { origin, accept: 'application/json' }
	});
	expect(byStudent.status()).toBe(403);
	expect((await reviews.listSavedComments(database.db, keeper.id, first.requestId)).map((comment) => comment.id)).toContain(kept!.id);

	// Its author deletes it.
	await keeperPage.reload();
	await keeperPage.getByRole('button', { name: `保存コメントを消す: ${saved}` }).click();
	await expect(keeperPage.getByText('保存コメントを消しました。')).toBeVisible();
	await expect(keeperPage.locator('details.saved').getByText(saved)).toHaveCount(0);

	// The keeper posts the review, so the next mentor of this exercise can read how it went (without names).
	await keeperPage.getByLabel('全体へのコメント').fill('出力をもう一度見比べてみよう。');
	await keeperPage.getByLabel('修正をお願い').check();
	await keeperPage.getByRole('button', { name: /レビューを送る/ }).click();
	await expect(keeperPage.getByText('レビューを送りました')).toBeVisible();
	await userPage.reload();
	const earlier = userPage.locator('details.earlier');
	await earlier.getByText(/この問題のほかのレビュー/).click();
	await expect(earlier).toContainText('出力をもう一度見比べてみよう。');
	await expect(earlier).toContainText(saved);
	await expect(earlier).not.toContainText(keeper.displayName);
	await expect(earlier).not.toContainText(first.student.displayName);
	await expectAccessible(userPage);
});
