// Authoring: who may author, writing an exercise in the UI, Verify through the real judge, publishing, export.
import { randomBytes } from 'node:crypto';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { e2eOrigin, slowWork } from './environment';

const json = { 'content-type': 'application/json', origin: e2eOrigin };
const form = { 'content-type': 'application/x-www-form-urlencoded', origin: e2eOrigin };

/** Fills the new-exercise form for "print A × B": the template already has the sample 3 4 → 7 (wrong for ×: fixed below). */
async function writeProductExercise(page: Page, slug: string, solution: string) {
	await page.goto('/author/exercises/new');
	await page.getByLabel('ID(URL に使う名前)').fill(slug);
	await page.getByLabel('題名(日本語)').fill('かけ算の練習');
	await page.getByLabel('題名(英語)').fill('Multiplication practice');
	await page.getByLabel('おもな分野').selectOption({ label: '変数と計算' });
	await page.getByRole('checkbox', { name: 'JavaScript' }).uncheck();
	await page
		.getByRole('textbox', { name: '問題文(日本語)' })
		.fill('## 問題\n\nA × B を出力してください。\n\n## 入力例 1\n\n```\n3 4\n```\n\n## 出力例 1\n\n```\n12\n```');
	await page
		.getByRole('textbox', { name: '問題文(英語)' })
		.fill('## Problem\n\nPrint A × B.\n\n## Sample Input 1\n\n```\n3 4\n```\n\n## Sample Output 1\n\n```\n12\n```');
	await expect(page.getByRole('region', { name: 'プレビュー' }).first()).toContainText('A × B を出力してください。');
	await page.getByLabel('ヒント 1(日本語)').fill('`*` でかけ算します。');
	await page.getByLabel('ヒント 1(英語)').fill('Multiply with `*`.');
	await page.getByLabel('スタートコード (Python)').fill('a, b = map(int, input().split())\nprint(0)\n');
	await page.getByLabel('模範解答 (Python)').fill(solution);
	await page.getByLabel('正しい出力').first().fill('12\n');
	const cases: Array<[string, string]> = [
		['0 5', '0'],
		['-2 3', '-6'],
		['100 100', '10000'],
		['7 1', '7']
	];
	for (const [index, [input, output]] of cases.entries()) {
		if (index > 0) await page.getByRole('button', { name: 'ケースの欄を増やす' }).click();
		await page
			.getByLabel('入力', { exact: true })
			.nth(index + 1)
			.fill(`${input}\n`);
		await page
			.getByLabel('正しい出力')
			.nth(index + 1)
			.fill(`${output}\n`);
	}
	await page.getByRole('button', { name: '作成する' }).click();
	await expect(page.getByText('問題を作成しました。まだ非公開です。')).toBeVisible();
}

test('a coordinator writes an exercise whose reference solution fails: it cannot be published until it is AC', async ({ page, browser, makeUser, logIn }) => {
	await logIn(page, await makeUser({ roles: ['coordinator'] }));
	const slug = `product-${randomBytes(3).toString('hex')}`;
	await writeProductExercise(page, slug, 'a, b = map(int, input().split())\nprint(a + b)\n');
	await expect(page.getByText('問題の形式に足りないところはありません。')).toBeVisible();

	await page.getByRole('button', { name: '公開する' }).click();
	await expect(page.getByText('まだ公開できません。')).toBeVisible();

	await page.getByRole('button', { name: '確認する(模範解答を判定)' }).click();
	const python = page.locator('.verification').filter({ hasText: 'Python' });
	await expect(python).toContainText('正解になりませんでした', { timeout: slowWork });
	await expect(python).toContainText('不正解 (WA)');
	await page.getByRole('button', { name: '公開する' }).click();
	await expect(page.getByText('まだ公開できません。')).toBeVisible();

	const student = await browser.newPage();
	await logIn(student, await makeUser({ roles: ['student'] }));
	expect((await student.request.get(`/exercises/${slug}`)).status()).toBe(404);

	await page.getByLabel('模範解答 (Python)').fill('a, b = map(int, input().split())\nprint(a * b)\n');
	await page.getByRole('button', { name: '保存する' }).click();
	await expect(page.getByText('保存しました。')).toBeVisible();
	await expect(python).toContainText('確認のあとで内容が変わりました');
	await page.getByRole('button', { name: '確認する(模範解答を判定)' }).click();
	await expect(python).toContainText('正解になりました', { timeout: slowWork });
	await page.getByRole('button', { name: '公開する' }).click();
	await expect(page.getByText('公開しました。')).toBeVisible();

	await student.goto(`/exercises/${slug}`);
	await expect(student.getByRole('heading', { level: 1, name: 'かけ算の練習' })).toBeVisible();
	const page404 = await student.request.get(`/exercises/${slug}/__data.json`);
	expect(await page404.text()).not.toContain('print(a * b)');

	const exported = await page.request.get(`/author/exercises/${slug}/export.zip`);
	expect(exported.headers()['content-type']).toBe('application/zip');
	expect((await exported.body()).subarray(0, 2).toString()).toBe('PK');
});

test('students and mentors who are not authors cannot reach authoring; a coordinator makes a mentor an author', async ({ page, browser, makeUser, logIn }) => {
	const student = await browser.newPage();
	await logIn(student, await makeUser({ roles: ['student'] }));
	for (const path of ['/author', '/author/exercises/new', '/author/exercises/hello-world', '/author/exercises/hello-world/export.zip', '/author/authors']) {
		expect((await student.request.get(path)).status(), path).toBe(403);
	}
	const refusedSave = await student.request.post('/author/exercises/new?/save', { headers: form, data: 'slug=x' });
	expect(refusedSave.status()).toBe(403);
	const refusedPublish = await student.request.post('/author/exercises/hello-world?/unpublish', { headers: form, data: '' });
	expect(refusedPublish.status()).toBe(403);
	expect((await student.request.post('/author/preview', { headers: json, data: { markdown: '# x' } })).status()).toBe(403);
	await student.goto('/exercises/hello-world');
	await expect(student.getByRole('heading', { level: 1, name: 'はじめてのプログラム' })).toBeVisible();

	const mentorUser = await makeUser({ roles: ['mentor'] });
	const mentor = await browser.newPage();
	await logIn(mentor, mentorUser);
	expect((await mentor.request.get('/author')).status()).toBe(403);

	await logIn(page, await makeUser({ roles: ['coordinator'] }));
	await page.goto('/author/authors');
	await page.getByRole('button', { name: `${mentorUser.displayName} さんを作成者にする` }).click();
	await expect(page.getByText('変更しました。')).toBeVisible();
	expect((await mentor.request.get('/author')).status()).toBe(200);
	expect((await mentor.request.get('/author/authors')).status()).toBe(403);
	await mentor.goto('/author/exercises/hello-world');
	await expect(mentor.getByRole('heading', { level: 1, name: 'はじめてのプログラム' })).toBeVisible();
});
