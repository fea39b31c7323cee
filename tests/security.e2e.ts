import { test, expect } from './fixtures';
import { e2eOrigin } from './environment';

const rolePages = {
	student: ['/student', '/reviews'],
	mentor: ['/mentor', '/mentor/reviews'],
	coordinator: ['/coordinator', '/coordinator/accounts', '/coordinator/reviews']
} as const;

test('each role page refuses anonymous people and the other roles', async ({ page, makeUser, logIn }) => {
	for (const path of Object.values(rolePages).flat()) {
		const response = await page.goto(path);
		expect(page.url(), path).toContain(`/login?redirectTo=${encodeURIComponent(path)}`);
		expect(response?.status()).toBe(200);
	}
	for (const role of ['student', 'mentor', 'coordinator'] as const) {
		const user = await makeUser({ roles: [role] });
		await page.context().clearCookies();
		await logIn(page, user);
		for (const [owner, paths] of Object.entries(rolePages)) {
			for (const path of paths) {
				const response = await page.goto(path);
				expect(response?.status(), `${role} → ${path}`).toBe(owner === role ? 200 : 403);
				if (owner !== role) await expect(page.getByRole('heading', { name: 'このページは見られません' })).toBeVisible();
			}
		}
	}
});

test('a coordinator action posted by a student is refused', async ({ page, makeUser, logIn }) => {
	const student = await makeUser({ roles: ['student'] });
	await logIn(page, student);
	const response = await page.request.post('/coordinator/accounts?/change', {
		form: { userId: student.id, kind: 'grant', role: 'coordinator' },
		headers: { origin: e2eOrigin, accept: 'application/json' }
	});
	expect(response.status()).toBe(403);
	await page.goto('/settings');
	await expect(page.getByText('役割: 部員')).toBeVisible();
});

test('a form posted from another site is refused', async ({ request }) => {
	const response = await request.post('/login', {
		form: { email: 'a@example.jp', password: 'whatever password' },
		headers: { origin: 'https://evil.example' }
	});
	expect(response.status()).toBe(403);
});

test('malformed or tampered session cookies count as logged out, never as an error', async ({ browser, makeUser, logIn }) => {
	const user = await makeUser({ roles: ['student'] });
	const loggedIn = await browser.newPage();
	await logIn(loggedIn, user);
	const real = (await loggedIn.context().cookies()).find((cookie) => cookie.name === 'session')!.value;
	await loggedIn.getByRole('button', { name: 'ログアウト' }).click();
	await loggedIn.close();

	const values = ['nodot', 'a.b', '.', real.replace(/.$/, (c) => (c === 'a' ? 'b' : 'a')), real + 'x', '%E2%98%83.%F0%9F%92%A5', 'x'.repeat(3000), real];
	for (const value of values) {
		const context = await browser.newContext();
		await context.addCookies([{ name: 'session', value, url: e2eOrigin }]);
		const page = await context.newPage();
		const response = await page.goto('/student');
		expect(response?.status(), value.slice(0, 40)).toBe(200);
		expect(page.url(), value.slice(0, 40)).toContain('/login');
		await context.close();
	}
});

test('a disabled account is logged out on its very next request', async ({ browser, makeUser, logIn }) => {
	const coordinator = await makeUser({ roles: ['coordinator'] });
	const student = await makeUser({ roles: ['student'] });
	const studentPage = await (await browser.newContext()).newPage();
	await logIn(studentPage, student);
	await expect(studentPage).toHaveURL(/\/student$/);

	const coordinatorPage = await (await browser.newContext()).newPage();
	await logIn(coordinatorPage, coordinator);
	await coordinatorPage.goto(`/coordinator/accounts?q=${encodeURIComponent(student.email)}`);
	const row = coordinatorPage.getByRole('row', { name: new RegExp(student.displayName) });
	await row.getByRole('button', { name: '停止する' }).click();
	await expect(row.getByText('停止中')).toBeVisible();

	await studentPage.reload();
	await expect(studentPage).toHaveURL(/\/login/);
});

test('responses carry the security headers, errors are friendly, and health reports the database', async ({ request, page }) => {
	const response = await request.get('/');
	const headers = response.headers();
	expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
	expect(headers['content-security-policy']).toContain("script-src 'self'");
	expect(headers['x-content-type-options']).toBe('nosniff');
	expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');

	const missing = await page.goto('/no-such-page');
	expect(missing?.status()).toBe(404);
	await expect(page.getByRole('heading', { name: 'ページが見つかりません' })).toBeVisible();
	expect(await page.content()).not.toMatch(/at .*\.js:\d+/);

	const health = await request.get('/api/health');
	expect(health.status()).toBe(200);
	expect(await health.json()).toEqual({ status: 'ok', database: 'ok' });
});
