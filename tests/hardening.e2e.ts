// The attacks of the security review (issue #12), replayed through the real pages of the production build:
// open redirects after login and the language switch, NUL bytes in every kind of input, account enumeration
// through registration, and the limits on forms that send mail.
import { test, expect } from './fixtures';
import { e2eOrigin } from './environment';
import { uniqueEmail } from '../src/lib/server/testing/factories';

const hostileRedirects = [
	'/.//evil.example/phish',
	'/..//evil.example',
	'/%2e//evil.example',
	'/%2e%2e//evil.example',
	'//evil.example',
	'/\\evil.example',
	'/%5C%5Cevil.example',
	'/\t/evil.example',
	'https://evil.example/phish'
];

/** Where a redirect sends a browser that is on the portal. */
const resolvedOrigin = (location: string | undefined) => new URL(location ?? '', `${e2eOrigin}/login`).origin;

test('the login form never sends anyone to another site after signing in', async ({ page, makeUser }) => {
	const user = await makeUser({ roles: ['student'] });
	await page.goto(`/login?redirectTo=${encodeURIComponent('/.//evil.example/phish')}`);
	await page.getByLabel('メールアドレス').fill(user.email);
	await page.getByLabel('パスワード').fill(user.password);
	await page.getByRole('button', { name: 'ログインする' }).click();
	await expect(page).toHaveURL(`${e2eOrigin}/student`);

	for (const target of hostileRedirects) {
		await page.context().clearCookies();
		const response = await page.request.post(`/login?redirectTo=${encodeURIComponent(target)}`, {
			form: { email: user.email, password: user.password },
			headers: { origin: e2eOrigin, accept: 'text/html' },
			maxRedirects: 0
		});
		expect(response.status(), target).toBe(303);
		expect(resolvedOrigin(response.headers().location), target).toBe(e2eOrigin);
	}
});

test('a signed-in visit to /login and the language switch stay on the site', async ({ page, makeUser, logIn }) => {
	await logIn(page, await makeUser({ roles: ['mentor'] }));
	for (const target of hostileRedirects) {
		const visit = await page.request.get(`/login?redirectTo=${encodeURIComponent(target)}`, { maxRedirects: 0 });
		expect(visit.status(), target).toBe(303);
		expect(resolvedOrigin(visit.headers().location), target).toBe(e2eOrigin);

		const language = await page.request.post('/language', {
			form: { locale: 'ja', redirectTo: target },
			headers: { origin: e2eOrigin },
			maxRedirects: 0
		});
		expect(language.status(), target).toBe(303);
		expect(language.headers().location, target).toBe('/');
	}
	const kept = await page.request.post('/language', {
		form: { locale: 'ja', redirectTo: '/exercises?topic=loops' },
		headers: { origin: e2eOrigin },
		maxRedirects: 0
	});
	expect(kept.headers().location).toBe('/exercises?topic=loops');
});

test('registration answers an existing and a new address the same way, and tells the owner by mail', async ({ page, makeUser }) => {
	const owner = await makeUser({ roles: ['coordinator'] });
	const fresh = uniqueEmail('fresh');
	const answers: string[] = [];
	for (const email of [owner.email, fresh]) {
		await page.goto('/register?as=student');
		await page.getByLabel('メールアドレス').fill(email);
		await page.getByRole('button', { name: '登録用のリンクを送る' }).click();
		await expect(page.getByText(`${email} にメールを送りました`)).toBeVisible();
		answers.push((await page.locator('main').innerText()).replace(email, '<address>'));
	}
	expect(answers[0]).toBe(answers[1]);
	expect((await page.context().cookies()).map((cookie) => cookie.name)).not.toContain('session');

	await page.goto(`/dev/mail?to=${encodeURIComponent(owner.email)}`);
	await expect(page.getByRole('heading', { name: '【金沢IT部活】このアドレスで新規登録の申し込みがありました' })).toBeVisible();
	await expect(page.getByRole('link', { name: /token=/ })).toHaveCount(0);
	await page.goto(`/dev/mail?to=${encodeURIComponent(fresh)}`);
	await expect(page.getByRole('heading', { name: '【金沢IT部活】登録を続けてください' })).toBeVisible();

	// The existing account is untouched, and the new one continues to the student application once made.
	await page.goto('/login');
	await page.getByLabel('メールアドレス').fill(owner.email);
	await page.getByLabel('パスワード').fill(owner.password);
	await page.getByRole('button', { name: 'ログインする' }).click();
	await expect(page).toHaveURL(/\/coordinator$/);
});

test('sign-ups and reset requests to one address are limited, with 429 and a Japanese message', async ({ page }) => {
	const throttled = '短い時間に何度も送信されたため、しばらく受け付けられません。';
	for (const path of ['/register', '/forgot-password']) {
		const email = uniqueEmail('flood');
		const post = () => page.request.post(path, { form: { email }, headers: { origin: e2eOrigin, accept: 'text/html' } });
		for (let attempt = 0; attempt < 3; attempt++) expect((await post()).status(), `${path} ${attempt}`).toBe(200);
		const refused = await post();
		expect(refused.status(), path).toBe(429);
		expect(await refused.text(), path).toContain(throttled);

		await page.goto(path);
		await page.getByLabel('メールアドレス').fill(email);
		await page.getByRole('button', { name: path === '/register' ? '登録用のリンクを送る' : 'リンクを送る' }).click();
		await expect(page.getByText(throttled)).toBeVisible();
		await expect(page.getByLabel('メールアドレス')).toHaveValue(email);
	}
});

test('a NUL byte anywhere gets a clear 400 in Japanese, never a 500', async ({ page, makeUser, logIn }) => {
	const nul = '\u0000';
	const forms: Array<[string, Record<string, string>]> = [
		['/register', { email: `a${nul}@example.jp` }],
		['/login', { email: `a${nul}@example.jp`, password: 'whatever password' }],
		['/login', { email: 'a@example.jp', password: `pass${nul}word` }],
		['/forgot-password', { email: `a${nul}@example.jp` }]
	];
	for (const [path, form] of forms) {
		const enhanced = await page.request.post(path, {
			form,
			headers: { origin: e2eOrigin, accept: 'application/json', 'x-sveltekit-action': 'true' }
		});
		const result = await enhanced.json();
		expect(result, path).toMatchObject({ type: 'failure', status: 400 });
		expect(result.data, path).toContain('使えない文字（NUL 文字）が含まれています');

		const plain = await page.request.post(path, { form, headers: { origin: e2eOrigin } });
		expect(plain.status(), path).toBe(400);
		expect(await plain.text(), path).toContain('使えない文字（NUL 文字）が含まれています');
	}

	// Through the real page: the message appears next to the field, and what was typed stays (without the NUL).
	await page.goto('/register');
	await page.getByLabel('メールアドレス').evaluate((input: HTMLInputElement) => (input.value = 'kanazawa\u0000@example.jp'));
	await page.getByRole('button', { name: '登録用のリンクを送る' }).click();
	await expect(page.getByText('使えない文字（NUL 文字）が含まれています').first()).toBeVisible();
	await expect(page.getByLabel('メールアドレス')).toHaveValue(/^kanazawa\u0000?@example\.jp$/);

	for (let attempt = 0; attempt < 8; attempt++) {
		const response = await page.request.post('/login', { form: { email: `x${nul}@example.jp`, password: 'guess' }, headers: { origin: e2eOrigin } });
		expect(response.status()).toBe(400);
	}

	await logIn(page, await makeUser({ roles: ['student', 'coordinator'] }));
	const submission = await page.request.post('/api/submissions', {
		data: { exercise: 'hello-world', language: 'python', source: `print("hi")${nul}`, mode: 'run' },
		headers: { origin: e2eOrigin }
	});
	expect(submission.status()).toBe(400);
	expect(await submission.json()).toMatchObject({ error: 'invalid_characters', message: expect.stringContaining('NUL 文字') });

	for (const path of ['/coordinator/accounts?q=%00', '/exercises/hello%00world', '/coordinator/members?q=a%00b']) {
		const response = await page.request.get(path);
		expect(response.status(), path).toBe(400);
		expect(await response.text(), path).toContain('NUL 文字');
	}
	// The same search from the page: SvelteKit's router falls back to loading it from the server, which explains.
	await page.goto('/coordinator/accounts');
	await page.getByRole('searchbox').evaluate((input: HTMLInputElement) => (input.value = 'a\u0000b'));
	await page.getByRole('searchbox').press('Enter');
	await expect(page.getByRole('heading', { name: '送られた内容を受け付けられません' })).toBeVisible();
	await expect(page.getByText('使えない文字（NUL 文字）が含まれています')).toBeVisible();
});
