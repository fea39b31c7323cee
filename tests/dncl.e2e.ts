// A DNCL (共通テスト用プログラム表記) exercise end to end: found through the catalog's 情報I filter, typed into the
// editor (もし offers the whole block), run in the browser (translated to JavaScript there: nothing goes to the server), mistakes
// explained in Japanese on the student's DNCL line, then submitted to the sandboxed judge and accepted.
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { focusEditor, pasteProgram, programText } from './editor';

function watchJudgeRequests(page: Page) {
	const posts: string[] = [];
	page.on('request', (request) => {
		if (request.method() === 'POST' && new URL(request.url()).pathname === '/api/submissions') posts.push(request.postData() ?? '');
	});
	return posts;
}

const result = (page: Page) => page.getByRole('region', { name: '判定の結果' });
const stdinBox = (page: Page) => page.getByRole('textbox', { name: '入力(プログラムが読みこむ文字)' });
const run = (page: Page) => page.getByRole('button', { name: '実行 (Ctrl+Enter)' }).click();

test('a DNCL exercise: catalog filter, side by side with Python, snippets, typed, 実行 in the browser, Japanese errors, submit AC; axe finds nothing', async ({
	page,
	makeUser,
	logIn,
	expectAccessible
}) => {
	await logIn(page, await makeUser({ roles: ['student'] }));
	await page.goto('/exercises');
	await page.getByLabel('分野', { exact: true }).selectOption({ label: '共通テスト「情報I」(DNCL)' });
	await page.getByRole('button', { name: 'しぼりこむ' }).click();
	await expect(page).toHaveURL(/topic=exam/);
	const titles = page.getByRole('list', { name: '問題の一覧' }).getByRole('link');
	await expect(titles).toHaveCount(16);
	await titles.filter({ hasText: '÷ と % (商と余り)' }).click();

	const posts = watchJudgeRequests(page);
	await expect(page.locator('#language')).toHaveValue('dncl');
	await page.getByText('DNCLとPythonのプログラムを並べて見る').click();
	await expect(page.getByRole('figure').filter({ hasText: 'Python' }).locator('pre')).toContainText('a = int(input())');

	// Typing もし offers the whole block, markers included.
	await focusEditor(page);
	await page.keyboard.press('ControlOrMeta+A');
	await page.keyboard.press('Delete');
	await page.keyboard.type('もし');
	const suggestion = page.locator('.suggest-widget').getByText('もし … ならば … そうでなければ');
	await expect(suggestion).toBeVisible();
	await suggestion.click();
	await expect(programText(page)).toHaveValue('もし x < 3 ならば:\n｜ \nそうでなければ:\n⎿ ');

	await pasteProgram(page, 'a = 【外部からの入力】\nb = 【外部からの入力】\nもし b > 0:\n⎿ 表示する(a ÷ b)\n');
	await run(page);
	await expect(result(page).getByRole('heading', { name: '文法のエラー (CE)' })).toBeVisible({ timeout: 30_000 });
	await expect(result(page).getByText('3行目: 『ならば』が見つかりません')).toBeVisible();

	await pasteProgram(page, 'a = 【外部からの入力】\nb = 【外部からの入力】\nData = [a, b]\n表示する(Data[2])\n');
	await run(page);
	await expect(result(page).getByRole('heading', { name: '実行中のエラー (RE)' })).toBeVisible({ timeout: 30_000 });
	await expect(result(page).getByText('4行目: 配列Dataの添字2は範囲外です（使える添字は0から1まで）')).toBeVisible();

	// Typed as a student types it (Monaco closes brackets and quotes and steps over the closing ones).
	await focusEditor(page);
	await page.keyboard.press('ControlOrMeta+A');
	await page.keyboard.press('Delete');
	await page.keyboard.type('a = 【外部からの入力】\nb = 【外部からの入力】\n表示する(a ÷ b, " ", a % b)');
	await expect(programText(page)).toHaveValue('a = 【外部からの入力】\nb = 【外部からの入力】\n表示する(a ÷ b, " ", a % b)');
	await stdinBox(page).fill('-7\n2\n');
	await run(page);
	await expect(result(page).getByRole('heading', { name: '実行できました' })).toBeVisible({ timeout: 30_000 });
	await expect(result(page).locator('pre').nth(1)).toHaveText('-4 1\n');
	await expect(page.getByText('このパソコンの中で実行しました')).toBeVisible();
	await expectAccessible(page);
	expect(posts).toEqual([]);

	await page.getByRole('button', { name: '提出する' }).click();
	await expect(result(page).getByRole('heading', { name: '正解 (AC)' })).toBeVisible({ timeout: 60_000 });
	expect(posts).toHaveLength(1);
	expect(JSON.parse(posts[0]!)).toMatchObject({ mode: 'submit', language: 'dncl', exercise: 'dncl-quotient-remainder' });
	await expectAccessible(page);
});
