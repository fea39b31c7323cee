// What only a production deployment shows, each on its own `node build`: the refusal to start without ORIGIN, and
// a server signing people in through Supabase Auth (a local stand-in with its own key set) behind a TLS proxy,
// where the session cookie is __Host-session and the development mail viewer does not exist.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { base64url, SignJWT } from 'jose';
import { test, expect, type APIRequestContext } from '@playwright/test';
import { makeSigningKey, startLocalSupabaseAuth } from '../src/lib/server/auth/supabase/testing';
import { uniqueEmail } from '../src/lib/server/testing/factories';
import { createDatabase, startWebServer, type RunningProcess } from './support/processes';
import { startTlsProxy } from './support/tls-proxy';
import { testBudget } from './environment';

test.describe.configure({ mode: 'serial', timeout: testBudget });
test.skip(!process.env.TEST_DATABASE_URL, 'TEST_DATABASE_URL is not set');

async function freePort(): Promise<number> {
	return new Promise((resolve) => {
		const server = createServer().listen(0, '127.0.0.1', () => {
			const { port } = server.address() as { port: number };
			server.close(() => resolve(port));
		});
	});
}

test('the production server refuses to start without ORIGIN, and says what to set', async () => {
	const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production', PORT: String(await freePort()), HOST: '127.0.0.1', SMTP_URL: '' };
	delete env.ORIGIN;
	const server = spawn(process.execPath, ['build'], {
		env,
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let output = '';
	server.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
	server.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
	const code = await new Promise<number | null>((resolve) => server.once('exit', resolve));
	expect(code).not.toBe(0);
	expect(output).toContain('ORIGIN is not set');
	expect(output).toContain('ORIGIN=https://portal.example.jp');
});

test.describe('signing in through Supabase Auth over HTTPS', () => {
	let supabase: Awaited<ReturnType<typeof startLocalSupabaseAuth>>;
	let key: Awaited<ReturnType<typeof makeSigningKey>>;
	let database: Awaited<ReturnType<typeof createDatabase>>;
	let web: RunningProcess;
	let proxy: Awaited<ReturnType<typeof startTlsProxy>>;

	test.beforeAll(async () => {
		supabase = await startLocalSupabaseAuth();
		key = await makeSigningKey(`key-${randomUUID()}`, 'ES256');
		supabase.publish(key);
		database = await createDatabase('itbu_supabase');
		const port = await freePort();
		proxy = await startTlsProxy(port);
		web = await startWebServer(port, {
			DATABASE_URL: database.url,
			ORIGIN: proxy.origin,
			AUTH_PROVIDER: 'supabase',
			SUPABASE_URL: supabase.url,
			SUPABASE_ANON_KEY: 'local-anon-key',
			SUPABASE_AUTH_METHODS: 'password',
			JUDGE_IN_PROCESS: '0'
		});
	});

	test.afterAll(async () => {
		await web?.stop();
		await proxy?.close();
		await supabase?.close();
		await database?.drop();
	});

	const person = () => {
		const user = { id: randomUUID(), email: uniqueEmail('supa'), emailConfirmed: true, password: 'a kanazawa secret' };
		supabase.users.set(user.id, user);
		return user;
	};

	const exchange = (request: APIRequestContext, token: string) =>
		request.post(`${proxy.origin}/auth/supabase/session`, { data: { access_token: token }, headers: { origin: proxy.origin } });

	test('a person signs in on the login page and gets a __Host- cookie: Secure, HttpOnly, SameSite=Lax, whole site', async ({ browser }) => {
		const user = person();
		const context = await browser.newContext({ ignoreHTTPSErrors: true, locale: 'ja-JP' });
		const page = await context.newPage();
		const login = await page.goto(`${proxy.origin}/login?redirectTo=%2Fsettings`);
		expect(login?.headers()['strict-transport-security']).toBe('max-age=31536000');
		await page.getByLabel('メールアドレス').fill(user.email);
		await page.getByLabel('パスワード').fill(user.password);
		const handedOver = page.waitForResponse((response) => response.url().endsWith('/auth/supabase/session'));
		await page.getByRole('button', { name: 'ログインする' }).click();
		const answer = await handedOver;
		expect(answer.status()).toBe(200);
		const setCookie = (await answer.headerValue('set-cookie')) ?? '';
		expect(setCookie).toMatch(/^__Host-session=[a-z2-7]{24}\.[a-z2-7]{24};/);
		expect(setCookie).toMatch(/; Path=\//);
		expect(setCookie).toMatch(/; HttpOnly/);
		expect(setCookie).toMatch(/; Secure/);
		expect(setCookie).toMatch(/; SameSite=Lax/);
		expect(setCookie).not.toMatch(/Domain=/i);
		await expect(page).toHaveURL(`${proxy.origin}/settings`);
		await expect(page.getByText(user.email)).toBeVisible();
		const cookies = await context.cookies();
		expect(cookies.map((cookie) => cookie.name)).toContain('__Host-session');
		expect(cookies.map((cookie) => cookie.name)).not.toContain('session');
		await context.close();
	});

	test('the development mail viewer does not exist without MAIL_VIEWER', async ({ playwright }) => {
		const request = await playwright.request.newContext({ ignoreHTTPSErrors: true });
		expect((await request.get(`${proxy.origin}/dev/mail`)).status()).toBe(404);
		await request.dispose();
	});

	test('the session endpoint checks signature, algorithm, expiry, issuer, audience and key id, and follows a rotating key set', async ({ playwright }) => {
		const request = await playwright.request.newContext({ ignoreHTTPSErrors: true });
		const user = person();
		const claims = { sub: user.id, email: user.email };
		const now = Math.floor(Date.now() / 1000);
		const valid = await supabase.sign(key, claims);
		const [header, , signature] = valid.split('.');
		const unsigned = `${base64url.encode(JSON.stringify({ alg: 'none', typ: 'JWT' }))}.${base64url.encode(JSON.stringify({ ...claims, iss: `${supabase.url}/auth/v1`, aud: 'authenticated', iat: now, exp: now + 3600 }))}.`;
		const sharedSecret = await new SignJWT(claims)
			.setProtectedHeader({ alg: 'HS256' })
			.setIssuedAt()
			.setIssuer(`${supabase.url}/auth/v1`)
			.setAudience('authenticated')
			.setExpirationTime('1h')
			.sign(new TextEncoder().encode('a-shared-secret-nobody-configured-here'));
		const unknownKey = await makeSigningKey(`key-unknown-${randomUUID()}`, 'ES256');
		const refused = {
			'a changed payload': `${header}.${base64url.encode(JSON.stringify({ ...claims, sub: randomUUID(), exp: now + 3600 }))}.${signature}`,
			'alg none': unsigned,
			'HS256 without a configured secret': sharedSecret,
			expired: await supabase.sign(key, claims, { expiresIn: '-5 minutes' }),
			'another issuer': await supabase.sign(key, claims, { issuer: 'https://other-project.supabase.co/auth/v1' }),
			'another audience': await supabase.sign(key, claims, { audience: 'anon' }),
			'an unknown key id': await supabase.sign(unknownKey, claims),
			'not a token': 'not.a.jwt'
		};
		for (const [what, token] of Object.entries(refused)) {
			const response = await exchange(request, token);
			expect(response.status(), what).toBe(401);
			expect(await response.json(), what).toEqual({ error: 'invalid_token' });
			expect(response.headers()['set-cookie'], what).toBeUndefined();
		}
		expect((await exchange(request, valid)).status()).toBe(200);

		// Rotation: a new key is published and the old one retired; the server takes the new key up by itself.
		const next = await makeSigningKey(`key-next-${randomUUID()}`, 'ES256');
		supabase.publish(next);
		supabase.retire(key);
		// The server downloads the key set again for an unknown key id at most every 5 seconds (verify.ts).
		const cooldownEnds = (supabase.lastJwksFetch ?? 0) + 5_000 + 250;
		await new Promise((resolve) => setTimeout(resolve, Math.max(0, cooldownEnds - Date.now())));
		const fetches = supabase.jwksRequests;
		expect((await exchange(request, await supabase.sign(next, claims))).status()).toBe(200);
		expect(supabase.jwksRequests).toBe(fetches + 1);
		expect((await exchange(request, await supabase.sign(key, claims))).status()).toBe(401);
		await request.dispose();
	});
});
