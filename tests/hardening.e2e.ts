// The attacks of the security review (issue #12), replayed through the real pages of the production build:
// open redirects after login and the language switch, NUL bytes in every kind of input, account enumeration
// through registration, and the limits on forms that send mail.
import { test, expect } from './fixtures';
import { e2eOrigin } from './environment';

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
			headers: { origin: e2eOrigin },
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
	const kept = await page.request.post('/language', { form: { locale: 'ja', redirectTo: '/exercises?topic=loops' }, headers: { origin: e2eOrigin }, maxRedirects: 0 });
	expect(kept.headers().location).toBe('/exercises?topic=loops');
});
