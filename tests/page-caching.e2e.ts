// Fast pages without leaks: the visitors' home page is shared (ETag, 304, revalidated on every use) and changes as soon
// as what it shows changes; nothing a signed-in person gets may be stored by a shared cache, and the shared page never
// carries anyone's data; every page says in Server-Timing where its time went; the dashboard says when its figures
// were computed and shows a change at once.
import { test, expect } from './fixtures';

const serverTiming = /^db;dur=[\d.]+;desc="\d+ queries", render;dur=[\d.]+, total;dur=[\d.]+$/;

test('the visitors’ home page is shared and revalidated, and never holds a signed-in person’s data', async ({
	playwright,
	browser,
	database,
	makeUser,
	logIn
}) => {
	const visitor = await playwright.request.newContext();
	const first = await visitor.get('/');
	expect(first.status()).toBe(200);
	expect(first.headers()['cache-control']).toBe('public, max-age=0, must-revalidate');
	expect(first.headers()['vary']).toBe('Cookie, Accept-Language');
	expect(first.headers()['server-timing']).toMatch(serverTiming);
	let etag = first.headers()['etag'];
	expect(etag).toMatch(/^"[\w-]+"$/);
	// Other tests may change what the page shows in between (a new club session): then the next pair must revalidate.
	await expect(async () => {
		etag = (await visitor.get('/')).headers()['etag'];
		const again = await visitor.get('/', { headers: { 'if-none-match': etag! } });
		expect(again.status()).toBe(304);
		expect(await again.text()).toBe('');
	}).toPass();

	// Someone signed in asks for the same page: theirs is private, has their name, and is not what visitors get.
	const student = await makeUser({ roles: ['student'] });
	const page = await (await browser.newContext()).newPage();
	await logIn(page, student);
	const signedIn = await page.request.get('/');
	expect(signedIn.headers()['cache-control']).toBe('private, no-cache');
	expect(signedIn.headers()['etag']).not.toBe(etag);
	expect(await signedIn.text()).toContain(student.displayName);
	for (const path of ['/student', '/exercises', '/settings', '/api/ping']) {
		const response = await page.request.get(path);
		expect(response.headers()['cache-control'], path).toMatch(/^private\b|no-store/);
	}
	// A forged session cookie is not a visitor either.
	const forger = await playwright.request.newContext({
		storageState: {
			cookies: [{ name: 'session', value: 'forged.token', domain: '127.0.0.1', path: '/', expires: -1, httpOnly: true, secure: false, sameSite: 'Lax' }],
			origins: []
		}
	});
	const forged = await forger.get('/');
	expect(forged.headers()['cache-control']).toBe('private, no-cache');
	expect(forged.headers()['etag']).not.toBe(etag);
	await forger.dispose();

	// (Its ETag may have moved meanwhile: other tests change what the page shows, and each rendering has its own nonce.)
	const shared = await visitor.get('/');
	expect(shared.headers()['cache-control']).toBe('public, max-age=0, must-revalidate');
	expect(await shared.text()).not.toContain(student.displayName);

	// A new club session is on the visitors' page at once: the change moves the counter the stored page was made at.
	const { createSession } = await import('../src/lib/server/club-sessions');
	const coordinator = await makeUser({ roles: ['coordinator'] });
	const startsAt = new Date(Date.now() + 30 * 60 * 1000);
	const title = `すぐの活動日 ${Date.now().toString(36)}`;
	await createSession(
		database.db,
		{ id: coordinator.id, displayName: coordinator.displayName },
		{
			title,
			startsAt,
			endsAt: new Date(startsAt.getTime() + 60 * 60 * 1000),
			venue: '金沢21世紀美術館',
			onlineUrl: null,
			capacity: 10,
			mentorsNeeded: 1,
			notes: null
		}
	);
	const changed = await visitor.get('/', { headers: { 'if-none-match': etag! } });
	expect(changed.status()).toBe(200);
	expect(changed.headers()['etag']).not.toBe(etag);
	expect(await changed.text()).toContain(title);
	await visitor.dispose();
});

test('the dashboard says when its figures were computed and counts a new member at once', async ({ page, database, makeUser, logIn, expectAccessible }) => {
	const { insertMember } = await import('../src/lib/server/membership/testing');
	await logIn(page, await makeUser({ roles: ['coordinator'] }));
	const response = await page.goto('/coordinator');
	expect(response?.headers()['server-timing']).toMatch(serverTiming);
	expect(response?.headers()['cache-control']).toBe('private, no-cache');
	await expect(page.getByTestId('dashboard-computed-at')).toHaveText(/^集計した時刻: \d{2}:\d{2}:\d{2}（日本時間）。/);
	await expectAccessible(page);
	const cumulative = async () => Number((await page.getByTestId('kpi-cumulative').textContent())!.replace(/,/g, ''));
	const before = await cumulative();
	await insertMember(database.db, { joinedOn: '2026-04-10', grade: 'jh1' });
	await page.reload();
	expect(await cumulative()).toBeGreaterThan(before);
});
