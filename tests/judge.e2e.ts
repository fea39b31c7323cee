import { test, expect } from './fixtures';
import { e2eOrigin, slowWork } from './environment';
import { pasteProgram } from './editor';

const json = { 'content-type': 'application/json', origin: e2eOrigin };
const sumProgram = 'a, b = map(int, input().split())\nprint(a + b)\n';

test.beforeEach(async ({ demoExercises }) => demoExercises);

test('a student runs and submits in the browser, sees a wrong answer with its diff, then AC', async ({ page, makeUser, logIn, expectAccessible }) => {
	await logIn(page, await makeUser({ roles: ['student'] }));
	await page.goto('/exercises/sum-of-two-numbers');
	await expect(page.getByRole('heading', { name: '2つの数の足し算' })).toBeVisible();
	await pasteProgram(page, 'a, b = map(int, input().split())\nprint(a - b)\n');
	await page.getByRole('button', { name: '提出する' }).click();
	await expect(page.getByRole('heading', { name: '不正解 (WA)' })).toBeVisible({ timeout: slowWork });
	await expect(page.getByText('出力が正解とちがいます。1行目からずれています').first()).toBeVisible();
	const diff = page.getByRole('table', { name: '正しい出力とあなたの出力のくらべ' }).first();
	await expect(diff.getByRole('row').nth(1)).toContainText('3');
	await expect(diff.getByRole('row').nth(1)).toContainText('-1');
	await expectAccessible(page);

	await pasteProgram(page, sumProgram);
	await page.getByRole('button', { name: '入力例で試す' }).click();
	await expect(page.getByRole('heading', { name: '正解 (AC)' })).toBeVisible({ timeout: slowWork });
	const result = page.getByRole('region', { name: '判定の結果' });
	await expect(result.getByText('入力例 2')).toBeVisible();
	await expect(result.getByText('テスト 3')).toHaveCount(0);

	await page.getByRole('button', { name: '提出する' }).click();
	await expect(result.getByText('テスト 5')).toBeVisible({ timeout: slowWork });
	await expect(page.getByRole('heading', { name: '正解 (AC)' })).toBeVisible();
});

test('program output with markup, escapes and broken UTF-8 is shown as harmless text', async ({ page, makeUser, logIn }) => {
	await logIn(page, await makeUser({ roles: ['student'] }));
	await page.goto('/exercises/hello');
	let dialogs = 0;
	page.on('dialog', (dialog) => (dialogs++, dialog.dismiss()));
	await pasteProgram(
		page,
		"import sys\nsys.stdout.write('</script><script>alert(1)</script><img src=x onerror=alert(2)>\\x1b[31mred\\n')\nsys.stdout.flush()\nsys.stdout.buffer.write(b'\\xff\\xfe bad\\n')\n"
	);
	await page.getByRole('button', { name: '入力例で試す' }).click();
	await expect(page.getByRole('heading', { name: '不正解 (WA)' })).toBeVisible({ timeout: slowWork });
	const actual = page.getByRole('table').first();
	await expect(actual).toContainText('</script><script>alert(1)</script>');
	await expect(actual).not.toContainText('\u001b');
	expect(await page.locator('img[src="x"]').count()).toBe(0);
	expect(dialogs).toBe(0);
});

test('the submissions API checks who asks, hides hidden cases and refuses abuse in Japanese', async ({ browser, makeUser, logIn, request }) => {
	const anonymous = await request.post('/api/submissions', {
		headers: json,
		data: { exercise: 'hello', language: 'python', source: 'print(1)', mode: 'run' }
	});
	expect(anonymous.status()).toBe(401);

	const noRole = await browser.newPage();
	await logIn(noRole, await makeUser());
	const refused = await noRole.request.post('/api/submissions', {
		headers: json,
		data: { exercise: 'hello', language: 'python', source: 'print(1)', mode: 'run' }
	});
	expect(refused.status()).toBe(403);

	const alice = await browser.newPage();
	await logIn(alice, await makeUser({ roles: ['student'] }));
	const created = await alice.request.post('/api/submissions', {
		headers: json,
		data: { exercise: 'sum-of-two-numbers', language: 'python', source: 'import sys\nprint(sys.stdin.read(), file=sys.stderr)\nprint(input())', mode: 'submit' }
	});
	expect(created.status()).toBe(202);
	const { id } = (await created.json()) as { id: string };
	let view: { status: string; cases: Array<{ sample: boolean; input?: string; stdout?: string; stderr?: string }> };
	await expect(async () => {
		view = await (await alice.request.get(`/api/submissions/${id}`)).json();
		expect(['done', 'failed']).toContain(view.status);
	}).toPass({ timeout: slowWork });
	const hidden = view!.cases.filter((testCase) => !testCase.sample);
	expect(hidden.length).toBeGreaterThan(0);
	for (const testCase of hidden) {
		for (const secret of ['input', 'expectedOutput', 'stdout', 'stderr']) expect(testCase).not.toHaveProperty(secret);
	}
	// A hidden case's input (123456789 987654321), echoed to stderr and stdout by the program, never leaves the server.
	expect(JSON.stringify(view!)).not.toContain('123456789');

	const bob = await browser.newPage();
	await logIn(bob, await makeUser({ roles: ['student'] }));
	expect((await bob.request.get(`/api/submissions/${id}`)).status()).toBe(404);
	expect((await bob.request.get(`/api/submissions/${id}/events`)).status()).toBe(404);
	expect((await bob.request.get('/api/submissions/not-a-uuid')).status()).toBe(404);

	const huge = await bob.request.post('/api/submissions', {
		headers: json,
		data: { exercise: 'hello', language: 'python', source: '#'.repeat(70_000), mode: 'run' }
	});
	expect(huge.status()).toBe(413);
	expect((await huge.json()).message).toContain('64KB');

	const unknown = await bob.request.post('/api/submissions', {
		headers: json,
		data: { exercise: 'no-such-exercise', language: 'python', source: 'print(1)', mode: 'run' }
	});
	expect(unknown.status()).toBe(404);

	let limited = 0;
	for (let attempt = 0; attempt < 12; attempt++) {
		const response = await bob.request.post('/api/submissions', {
			headers: json,
			data: { exercise: 'hello', language: 'python', source: 'print(input())', mode: 'submit' }
		});
		if (response.status() === 429) {
			limited++;
			expect((await response.json()).message).toContain('1分ほど待って');
		}
	}
	expect(limited).toBeGreaterThan(0);
});
