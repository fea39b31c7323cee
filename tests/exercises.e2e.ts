// Students and the exercises: the catalog, the exercise page with Monaco, Run and Submit, drafts, history, profile.
// The curriculum is imported by the e2e server at start, as on any first start.
import { test, expect } from './fixtures';
import { e2eOrigin, slowWork } from './environment';
import { codeEditor, focusEditor, pasteProgram, programText } from './editor';

const json = { 'content-type': 'application/json', origin: e2eOrigin };
// hello-name: "こんにちは、<name>さん". Typed line by line; the Japanese goes through the IME path (insertText).
const helloName = 'name = input()\nprint("こんにちは、" + name + "さん")';

test('a student types a solution in Monaco (Japanese included), runs it, submits it and sees AC; the draft survives a reload', async ({
	page,
	makeUser,
	logIn
}) => {
	await logIn(page, await makeUser({ roles: ['student'] }));
	await page.goto('/exercises');
	await page.getByRole('link', { name: '名前であいさつ' }).click();
	await expect(page.getByRole('heading', { level: 1, name: '名前であいさつ' })).toBeVisible();

	await focusEditor(page);
	await page.keyboard.press('ControlOrMeta+A');
	await page.keyboard.press('Delete');
	await page.keyboard.type('name = input()\nprint("');
	await page.keyboard.insertText('こんにちは、');
	// The editor closed the quote and the bracket itself; typing them steps over them.
	await page.keyboard.type('" + name + "さん")');
	await expect(programText(page)).toHaveValue(helloName);

	// Ctrl+Enter runs on the input box (the first sample to begin with); 入力例で試す checks every sample.
	await page.keyboard.press('Control+Enter');
	const result = page.getByRole('region', { name: '判定の結果' });
	await expect(result.getByRole('heading', { name: '実行できました' })).toBeVisible({ timeout: slowWork });
	await expect(result.locator('pre').nth(1)).toContainText('さん');
	await page.getByRole('button', { name: '入力例で試す' }).click();
	await expect(result.getByRole('heading', { name: '正解 (AC)' })).toBeVisible({ timeout: slowWork });
	await expect(result.getByText('入力例 1')).toBeVisible();
	await expect(result.getByText('テスト 3')).toHaveCount(0);

	await page.getByRole('button', { name: '提出する' }).click();
	await expect(result.getByText('テスト 5')).toBeVisible({ timeout: slowWork });
	await expect(result.getByRole('heading', { name: '正解 (AC)' })).toBeVisible();
	await expect(page.locator('header.head')).toContainText('クリア');
	await expect(page.getByText('自動保存しました')).toBeVisible();

	await page.reload();
	await codeEditor(page);
	await expect(programText(page)).toHaveValue(helloName);
	await expect(page.locator('.monaco-editor .view-lines')).toContainText('こんにちは、');

	await page.getByRole('link', { name: '提出の記録(1)' }).click();
	await expect(page.getByRole('cell', { name: '正解 (AC)' })).toBeVisible();
	await page.getByRole('link', { name: 'プログラムと結果を見る' }).click();
	await expect(page.getByRole('region', { name: 'プログラム' })).toContainText('print("こんにちは、" + name + "さん")');
	await expect(page.getByRole('heading', { name: '正解 (AC)' })).toBeVisible();

	await page.goto('/exercises?status=solved');
	await expect(page.getByRole('listitem').filter({ hasText: '名前であいさつ' })).toContainText('クリア');
	await page.goto('/student');
	await expect(page.getByRole('region', { name: 'クリアした問題' })).toContainText('1 /');
	await expect(page.getByRole('region', { name: '連続で提出した日数' })).toContainText('1 日');
});

test('a wrong answer shows the diff and the explanation; reset to the starter code asks first', async ({ page, makeUser, logIn, expectAccessible }) => {
	await logIn(page, await makeUser({ roles: ['student'] }));
	await page.goto('/exercises/bus-fare');
	await codeEditor(page);
	const starter = await programText(page).inputValue();
	expect(starter).toContain('def fare(age):');

	await page.getByRole('button', { name: '提出する' }).click();
	const result = page.getByRole('region', { name: '判定の結果' });
	await expect(result.getByRole('heading', { name: '不正解 (WA)' })).toBeVisible({ timeout: slowWork });
	await expect(result.getByText('出力が正解とちがいます。1行目からずれています').first()).toBeVisible();
	const diff = result.getByRole('table', { name: '正しい出力とあなたの出力のくらべ' }).first();
	await expect(diff.getByRole('row').nth(1)).toContainText('330');
	await expect(diff.getByRole('row').nth(1)).toContainText('0');
	await expectAccessible(page);

	await pasteProgram(page, 'print(1)\n');
	await page.getByRole('button', { name: 'はじめのコードにもどす' }).click();
	const question = page.getByRole('alertdialog');
	await expect(question).toContainText('はじめのコード(スタートコード)にもどしますか');
	await question.getByRole('button', { name: 'やめる' }).click();
	await expect(programText(page)).toHaveValue('print(1)\n');
	await page.getByRole('button', { name: 'はじめのコードにもどす' }).click();
	await page.getByRole('alertdialog').getByRole('button', { name: 'もどす' }).click();
	await expect(programText(page)).toHaveValue(starter);
});

test('Run and Submit work from the keyboard alone', async ({ page, makeUser, logIn }) => {
	await logIn(page, await makeUser({ roles: ['student'] }));
	await page.goto('/exercises/hello-world');
	const editor = await codeEditor(page);
	await page.getByRole('button', { name: 'はじめのコードにもどす' }).focus();
	await page.keyboard.press('Tab');
	await expect(editor).toBeFocused();
	// Inside the editor Tab indents; Ctrl+M lets it move focus on, as the page explains.
	await page.keyboard.press('Control+M');
	await page.keyboard.press('Tab');
	await expect(page.getByRole('textbox', { name: '入力(プログラムが読みこむ文字)' })).toBeFocused();
	await page.keyboard.press('Tab');
	await expect(page.getByRole('button', { name: '実行 (Ctrl+Enter)' })).toBeFocused();
	await page.keyboard.press('Enter');
	const result = page.getByRole('region', { name: '判定の結果' });
	await expect(result.getByRole('heading', { name: '実行できました' })).toBeVisible({ timeout: slowWork });
	await page.keyboard.press('Tab');
	await expect(page.getByRole('button', { name: '入力例で試す' })).toBeFocused();
	await page.keyboard.press('Tab');
	await expect(page.getByRole('button', { name: '提出する' })).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(result.getByText('テスト 3')).toBeVisible({ timeout: slowWork });
});

test('the catalog filters with plain GET forms, shows progress and suggests the next exercise; axe finds nothing', async ({
	page,
	makeUser,
	logIn,
	expectAccessible
}) => {
	await logIn(page, await makeUser({ roles: ['student'] }));
	await page.goto('/exercises');
	await expect(page.getByRole('heading', { name: '次のおすすめ' })).toBeVisible();
	await expect(page.getByRole('link', { name: 'はじめてのプログラム' }).first()).toBeVisible();
	// 61 from the curriculum (45 in the main track, 16 in the exam track), and any an authoring test has published meanwhile.
	await expect(page.getByText(/^0 \/ (6[1-9]|\d{3}) 問クリア$/)).toBeVisible();
	await expectAccessible(page);

	// Fifty to a page, in curriculum order; the pages keep the filters.
	const list = page.getByRole('list', { name: '問題の一覧' });
	await expect(list.getByRole('listitem')).toHaveCount(50);
	await expect(page.getByText(/^(6[1-9]|\d{3}) 問中 1〜50 問目$/)).toBeVisible();
	const pages = page.getByRole('navigation', { name: '問題一覧のページ' });
	await expect(pages.getByRole('link', { name: '1 ページ目' })).toHaveAttribute('aria-current', 'page');
	await pages.getByRole('link', { name: '次のページ' }).click();
	await expect(page).toHaveURL(/[?&]page=2$/);
	await expect(page.getByText(/^(6[1-9]|\d{3}) 問中 51〜(6[1-9]|\d{3}) 問目$/)).toBeVisible();
	await expect(list.getByRole('listitem').first()).not.toContainText('はじめてのプログラム');
	await expect(pages.getByRole('link', { name: '前のページ' })).toHaveAttribute('href', '/exercises');
	await page.goto('/exercises?topic=loops&page=9');
	await expect(pages).toHaveCount(0);
	await expect(list.getByRole('listitem').first()).toBeVisible();

	await page.getByLabel('分野', { exact: true }).selectOption({ label: '再帰' });
	await page.getByLabel('難しさ', { exact: true }).selectOption({ label: '難しさ 5 / 5' });
	await page.getByRole('button', { name: 'しぼりこむ' }).click();
	await expect(page).toHaveURL(/topic=recursion/);
	const titles = page.getByRole('list', { name: '問題の一覧' }).getByRole('link');
	await expect(titles).toHaveText(['ハノイの塔']);

	await page.goto('/exercises?q=FizzBuzz');
	await expect(titles).toHaveText(['FizzBuzz(1つの数)', 'FizzBuzz']);
	await page.goto('/exercises?status=solved');
	await expect(page.getByText('条件に合う問題はありません')).toBeVisible();
});

test('an exercise page passes axe with Monaco loaded, which only the exercise page downloads', async ({ page, makeUser, logIn, expectAccessible }) => {
	const monacoRequests: string[] = [];
	page.on('request', (request) => {
		if (/monaco|editor\.worker|codicon/.test(request.url())) monacoRequests.push(request.url());
	});
	await logIn(page, await makeUser({ roles: ['student'] }));
	await page.goto('/exercises');
	await page.waitForLoadState('networkidle');
	expect(monacoRequests).toEqual([]);
	await page.goto('/exercises/fizzbuzz');
	await codeEditor(page);
	expect(monacoRequests.length).toBeGreaterThan(0);
	await page.getByRole('link', { name: /^ヒントを見る/ }).click();
	await expect(page.locator('#hints li').first()).toBeFocused();
	await expect(page.locator('#hints li').first()).toContainText('ヒント 1:');
	await expect(page.getByRole('link', { name: /次のヒントを見る \(2\/\d\)/ })).toBeVisible();
	await expectAccessible(page);
});

test('the English UI shows English titles, statements and hints', async ({ page, makeUser, logIn, context }) => {
	await logIn(page, await makeUser({ roles: ['student'] }));
	await context.addCookies([{ name: 'locale', value: 'en', url: e2eOrigin }]);
	await page.goto('/exercises');
	await expect(page.getByRole('heading', { level: 1, name: 'Exercises' })).toBeVisible();
	await page.getByRole('link', { name: 'Bus fares' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Bus fares' })).toBeVisible();
	await expect(page.getByRole('region', { name: 'Problem statement' }).getByRole('heading', { name: 'Sample Input 1' })).toBeVisible();
	await page.getByRole('link', { name: /Show a hint/ }).click();
	await expect(page.getByText('give back this value as the answer')).toBeVisible();
});

test('hidden cases and reference solutions never reach a student’s browser', async ({ page, makeUser, logIn }) => {
	await logIn(page, await makeUser({ roles: ['student'] }));
	// bus-fare's hidden-6 input, and a line of its reference solution as written there (the hints quote it otherwise).
	const secrets = ['43 32 78 102', '    elif age <= 12:'];
	const html = await (await page.request.get('/exercises/bus-fare')).text();
	const data = await (await page.request.get('/exercises/bus-fare/__data.json')).text();
	expect(data).toContain('def fare(age)');
	for (const secret of secrets) {
		expect(html).not.toContain(secret);
		expect(data).not.toContain(secret);
	}
});

test('another student’s submissions cannot be read, and a draft only saves for its owner’s exercise', async ({ browser, makeUser, logIn }) => {
	const alice = await browser.newPage();
	await logIn(alice, await makeUser({ roles: ['student'] }));
	const created = await alice.request.post('/api/submissions', {
		headers: json,
		data: { exercise: 'hello-world', language: 'python', source: 'print("secret of alice")', mode: 'submit' }
	});
	expect(created.status()).toBe(202);
	const { id } = (await created.json()) as { id: string };
	expect((await alice.request.get(`/exercises/hello-world/history/${id}`)).status()).toBe(200);

	const bob = await browser.newPage();
	await logIn(bob, await makeUser({ roles: ['student'] }));
	for (const path of [`/exercises/hello-world/history/${id}`, `/api/submissions/${id}`]) {
		const response = await bob.request.get(path);
		expect([403, 404], path).toContain(response.status());
		expect(await response.text()).not.toContain('secret of alice');
	}
	// A page's data request answers an error inside its JSON.
	const data = await (await bob.request.get(`/exercises/hello-world/history/${id}/__data.json`)).text();
	expect(data).toContain('"status":404');
	expect(data).not.toContain('secret of alice');
	await bob.goto('/exercises/hello-world/history');
	await expect(bob.getByText('まだ提出していません。')).toBeVisible();

	const draft = (slug: string, body: object) => bob.request.put(`/exercises/${slug}/draft`, { headers: json, data: body });
	expect((await draft('hello-world', { language: 'python', source: 'print(2)' })).status()).toBe(200);
	expect((await draft('no-such-exercise', { language: 'python', source: '' })).status()).toBe(404);
	expect((await draft('hello-world', { language: 'ruby', source: '' })).status()).toBe(400);
	expect((await draft('hello-world', { language: 'python', source: '#'.repeat(70_000) })).status()).toBe(413);
	expect((await bob.request.put('/exercises/hello-world/draft', { headers: { 'content-type': 'application/json' }, data: {} })).status()).toBe(400);
});

test('without JavaScript a student can still read, run and submit', async ({ browser, makeUser }) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	const student = await makeUser({ roles: ['student'] });
	await page.goto('/login');
	await page.getByLabel('メールアドレス').fill(student.email);
	await page.getByLabel('パスワード').fill(student.password);
	await page.getByRole('button', { name: 'ログインする' }).click();
	await page.goto('/exercises/hello-world');
	await expect(page.getByRole('region', { name: '問題文' })).toContainText('Hello, World!');
	await page.getByRole('textbox', { name: 'プログラム', exact: true }).fill('print("Hello, World!")\nprint("Hello, Kanazawa!")\n');
	await page.getByRole('button', { name: '提出する' }).click();
	await expect(page).toHaveURL(/\/exercises\/hello-world\/history\//);
	await expect(async () => {
		await page.reload();
		await expect(page.getByRole('heading', { name: '正解 (AC)' })).toBeVisible({ timeout: 1000 });
	}).toPass({ timeout: slowWork });
	await context.close();
});
