// 実行 and 入力例で試す run in the student's own browser (JavaScript in a worker, Python on Pyodide served by the
// portal), with the server's stdin/stdout behaviour, limits and Japanese explanations; 提出する still goes to the
// server's judge; a browser that cannot run a language gets the server instead. "In the browser" is proven by
// watching the network: a run there sends nothing to /api/submissions.
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { pasteProgram, programText } from './editor';
import { holdScripts } from './hydration';
import { slowWork } from './environment';

test.beforeEach(async ({ demoExercises }) => demoExercises);

/** Counts the programs the page sends to the server's judge. */
function watchJudgeRequests(page: Page) {
	const posts: string[] = [];
	page.on('request', (request) => {
		if (request.method() === 'POST' && new URL(request.url()).pathname === '/api/submissions') posts.push(request.postData() ?? '');
	});
	return posts;
}

const result = (page: Page) => page.getByRole('region', { name: '判定の結果' });
const stdinBox = (page: Page) => page.getByRole('textbox', { name: '入力(プログラムが読みこむ文字)' });

test('Python runs in the browser: output for the input box, samples checked, errors explained in Japanese', async ({
	page,
	makeUser,
	logIn,
	expectAccessible
}) => {
	await logIn(page, await makeUser({ roles: ['student'] }));
	const posts = watchJudgeRequests(page);
	await page.goto('/exercises/sum-of-two-numbers');
	// The input box starts with the first sample.
	await expect(stdinBox(page)).toHaveValue('1 2\n');
	await pasteProgram(page, 'import sys\na, b = map(int, sys.stdin.readline().split())\nprint(a + b)\nprint(sys.stdin.read().strip())\n');
	await stdinBox(page).fill('40 2\nrest of input\n');
	await page.getByRole('button', { name: '実行 (Ctrl+Enter)' }).click();
	await expect(result(page).getByRole('heading', { name: '実行できました' })).toBeVisible({ timeout: slowWork });
	await expect(result(page).locator('pre').nth(1)).toHaveText('42\nrest of input\n');
	await expect(page.getByText('このパソコンの中で実行しました')).toBeVisible();

	await pasteProgram(page, 'a, b = map(int, input().split())\nprint(a * b)\n');
	await page.getByRole('button', { name: '入力例で試す' }).click();
	await expect(result(page).getByRole('heading', { name: '不正解 (WA)' })).toBeVisible({ timeout: slowWork });
	await expect(result(page).getByText('入力例 2')).toBeVisible();
	await expect(page.getByText('入力例 2 個で確かめました')).toBeVisible();

	await pasteProgram(page, 'a, b = map(int, input().split())\nprint(total)\n');
	await page.getByRole('button', { name: '実行 (Ctrl+Enter)' }).click();
	await expect(result(page).getByRole('heading', { name: '実行中のエラー (RE)' })).toBeVisible({ timeout: slowWork });
	await expect(result(page).getByText('2行目の「total」が見つかりません')).toBeVisible();
	await expect(result(page).getByText("NameError: name 'total' is not defined")).toBeVisible();

	await pasteProgram(page, 'print("unclosed"\n');
	await page.getByRole('button', { name: '実行 (Ctrl+Enter)' }).click();
	await expect(result(page).getByRole('heading', { name: '文法のエラー (CE)' })).toBeVisible({ timeout: slowWork });
	await expect(result(page).getByText('1行目の書き方(文法)がまちがっています')).toBeVisible();
	await expectAccessible(page);
	expect(posts).toEqual([]);

	// Submitting still goes to the server's judge.
	await pasteProgram(page, 'a, b = map(int, input().split())\nprint(a + b)\n');
	await page.getByRole('button', { name: '提出する' }).click();
	await expect(result(page).getByRole('heading', { name: '正解 (AC)' })).toBeVisible({ timeout: slowWork });
	await expect(result(page).getByText('テスト 5')).toBeVisible();
	expect(posts).toHaveLength(1);
	expect(JSON.parse(posts[0]!)).toMatchObject({ mode: 'submit', exercise: 'sum-of-two-numbers' });
});

test('a program that never stops: the time limit ends it, 停止 ends it sooner, and the next run is quick', async ({ page, makeUser, logIn }) => {
	await logIn(page, await makeUser({ roles: ['student'] }));
	const posts = watchJudgeRequests(page);
	await page.goto('/exercises/hello');
	await pasteProgram(page, 'while True:\n    pass\n');
	await page.getByRole('button', { name: '実行 (Ctrl+Enter)' }).click();
	await expect(result(page).getByRole('heading', { name: '時間切れ (TLE)' })).toBeVisible({ timeout: slowWork });
	await expect(result(page).getByText('2秒以内に終わりませんでした')).toBeVisible();

	await pasteProgram(page, 'import time\ntime.sleep(60)\n');
	await page.getByRole('button', { name: '実行 (Ctrl+Enter)' }).click();
	await page.getByRole('button', { name: '停止' }).click();
	await expect(page.getByText('実行を止めました。')).toBeVisible();
	await expect(page.getByRole('button', { name: '停止' })).toHaveCount(0);

	await pasteProgram(page, 'print("こんにちは、" + input() + "!")\n');
	await page.getByRole('button', { name: '入力例で試す' }).click();
	await expect(result(page).getByRole('heading', { name: '正解 (AC)' })).toBeVisible({ timeout: slowWork });

	await page.locator('#language').selectOption('javascript');
	await pasteProgram(page, 'for (;;) {}\n');
	await page.getByRole('button', { name: '実行 (Ctrl+Enter)' }).click();
	await page.getByRole('button', { name: '停止' }).click();
	await expect(page.getByText('実行を止めました。')).toBeVisible();
	expect(posts).toEqual([]);
});

test('JavaScript runs in the browser with Node’s input idioms and output layout', async ({ page, makeUser, logIn }) => {
	await logIn(page, await makeUser({ roles: ['student'] }));
	const posts = watchJudgeRequests(page);
	await page.goto('/exercises/sum-of-two-numbers');
	await page.locator('#language').selectOption('javascript');
	await pasteProgram(
		page,
		"const [a, b] = require('fs').readFileSync('/dev/stdin', 'utf8').trim().split(' ').map(Number);\nconsole.log(a + b);\nconsole.log([a, b, a + b, 4, 5, 6, 7]);\n"
	);
	await page.getByRole('button', { name: '実行 (Ctrl+Enter)' }).click();
	await expect(result(page).getByRole('heading', { name: '実行できました' })).toBeVisible({ timeout: slowWork });
	await expect(result(page).locator('pre').nth(1)).toHaveText('3\n[\n  1, 2, 3, 4,\n  5, 6, 7\n]\n');

	await pasteProgram(
		page,
		"const rl = require('readline').createInterface({ input: process.stdin });\nrl.on('line', (line) => {\n  const [a, b] = line.split(' ').map(Number);\n  console.log(a + c);\n});\n"
	);
	await page.getByRole('button', { name: '入力例で試す' }).click();
	await expect(result(page).getByRole('heading', { name: '実行中のエラー (RE)' })).toBeVisible({ timeout: slowWork });
	await expect(result(page).getByText('4行目の「c」が見つかりません').first()).toBeVisible();
	expect(posts).toEqual([]);
});

test('a browser without WebAssembly or workers runs on the server instead, and says so', async ({ page, makeUser, logIn }) => {
	await page.addInitScript(() => {
		delete (globalThis as { WebAssembly?: unknown }).WebAssembly;
	});
	await logIn(page, await makeUser({ roles: ['student'] }));
	const posts = watchJudgeRequests(page);
	await page.goto('/exercises/hello');
	await pasteProgram(page, 'print("こんにちは、" + input() + "!")\n');
	await page.getByRole('button', { name: '実行 (Ctrl+Enter)' }).click();
	await expect(result(page).getByRole('heading', { name: '実行できました' })).toBeVisible({ timeout: slowWork });
	await expect(page.getByText('このブラウザではその場で実行できないため、サーバーで実行しました。')).toBeVisible();
	expect(posts).toHaveLength(1);
	expect(JSON.parse(posts[0]!)).toMatchObject({ mode: 'run', stdin: '金沢\n' });

	await page.evaluate(() => {
		(globalThis as { Worker?: unknown }).Worker = undefined;
	});
	await page.locator('#language').selectOption('javascript');
	await pasteProgram(page, "console.log('こんにちは、' + require('fs').readFileSync(0, 'utf8').trim() + '!');\n");
	await page.getByRole('button', { name: '入力例で試す' }).click();
	await expect(result(page).getByRole('heading', { name: '正解 (AC)' })).toBeVisible({ timeout: slowWork });
	expect(posts).toHaveLength(2);
});

test('a submit that never stops costs one time limit: the remaining tests are shown as not run', async ({ page, makeUser, logIn }) => {
	await logIn(page, await makeUser({ roles: ['student'] }));
	await page.goto('/exercises/hello');
	await pasteProgram(page, 'while True:\n    pass\n');
	await page.getByRole('button', { name: '提出する' }).click();
	await expect(result(page).getByRole('heading', { name: '時間切れ (TLE)' })).toBeVisible({ timeout: slowWork });
	await expect(result(page).getByText('未実行')).toHaveCount(4);
	await expect(result(page).getByText('ケース 1 が TLE になったので、このケースは実行していません')).toHaveCount(1);
});

test('what is typed before the page has loaded stays, and Monaco takes over with the cursor where it was', async ({ page, makeUser, logIn }) => {
	await logIn(page, await makeUser({ roles: ['student'] }));
	// Hold back every script until the student has typed: the page is only its server-rendered HTML meanwhile.
	let release!: () => void;
	const released = new Promise<void>((resolve) => (release = resolve));
	await page.route('**/_app/immutable/**/*.js', async (route) => {
		await released;
		await route.continue();
	});
	await page.goto('/exercises/hello', { waitUntil: 'commit' });
	const box = programText(page);
	await box.click();
	await box.press('ControlOrMeta+A');
	await box.pressSequentially('print("typed early")');
	release();
	await expect(page.locator('.monaco-editor')).toBeVisible({ timeout: slowWork });
	await expect(box).toHaveValue('print("typed early")');
	await page.keyboard.type('  # still here');
	await expect(box).toHaveValue('print("typed early")  # still here');
});

test('a language picked before the page has loaded is kept, with its own code', async ({ page, makeUser, logIn }) => {
	await logIn(page, await makeUser({ roles: ['student'] }));
	const release = await holdScripts(page);
	await page.goto('/exercises/hello-world', { waitUntil: 'commit' });
	await page.locator('#language').selectOption('javascript');
	await release();
	await expect(page.locator('#language')).toHaveValue('javascript');
	await expect(page.locator('.monaco-editor')).toBeVisible({ timeout: slowWork });
	await expect(programText(page)).toHaveValue(/console\.log/);
});
