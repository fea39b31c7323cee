// Every form that mails a link builds it from the configured ORIGIN, never from the Host a request names: the
// actions run here on a real database with a request for http://evil.example, as a forged Host header makes it.
import type { RequestEvent } from '@sveltejs/kit';
import { desc, sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { createSession, validateSessionToken } from '$lib/server/auth';
import { loadConfig } from '$lib/server/config';
import type { Database } from '$lib/server/db';
import { outboxMail } from '$lib/server/db/schema';
import { describeEachDatabase } from '$lib/server/db/testing';
import { createUser, uniqueEmail } from '$lib/server/testing/factories';
import { applicationFormFor } from '$lib/server/membership/testing';
import { actions as forgotPassword } from './(auth)/forgot-password/+page.server';
import { actions as register } from './(auth)/register/+page.server';
import { actions as settings } from './(app)/settings/+page.server';
import { actions as join } from './(app)/join/+page.server';

const origin = 'https://portal.example.jp';

/** Runs a form action as a POST to `path` on http://evil.example, signed in as `user` when given. */
async function postForged(action: unknown, db: Database, path: string, fields: Record<string, string>, user: { token: string } | null = null) {
	const url = new URL(`http://evil.example${path}`);
	const validated = user ? await validateSessionToken(db, user.token) : null;
	const event = {
		request: new Request(url, { method: 'POST', body: new URLSearchParams(fields) }),
		url,
		params: {},
		locals: { db, config: loadConfig({ ORIGIN: origin }), locale: 'ja', user: validated?.user ?? null, session: validated?.session ?? null },
		getClientAddress: () => '10.30.0.1',
		cookies: { get: () => undefined, getAll: () => [], set: () => {}, delete: () => {}, serialize: () => '' }
	} as unknown as RequestEvent;
	return (action as (event: RequestEvent) => Promise<unknown>)(event);
}

async function linksMailedTo(db: Database, address: string): Promise<string[]> {
	const [mail] = await db
		.select()
		.from(outboxMail)
		.where(sql`lower(${outboxMail.toAddress}) = lower(${address})`)
		.orderBy(desc(outboxMail.id))
		.limit(1);
	return mail?.textBody.match(/https?:\/\/\S+/g) ?? [];
}

async function signedIn(db: Database, options: { emailVerified?: boolean } = {}) {
	const user = await createUser(db, options);
	return { ...user, token: (await createSession(db, user.id)).token };
}

describeEachDatabase('links in mails', (connection) => {
	const db = () => connection().db;
	const expectOnlyOurLinks = (links: string[]) => {
		expect(links.length).toBeGreaterThan(0);
		for (const link of links) expect(link.startsWith(`${origin}/`), link).toBe(true);
	};

	it('the password reset link', async () => {
		const user = await createUser(db());
		await postForged(forgotPassword.default, db(), '/forgot-password', { email: user.email });
		expectOnlyOurLinks(await linksMailedTo(db(), user.email));
	});

	it('the sign-up link, and the notice to an existing address', async () => {
		const email = uniqueEmail('forged');
		await postForged(register.default, db(), '/register', { email });
		expectOnlyOurLinks(await linksMailedTo(db(), email));
		const owner = await createUser(db());
		await postForged(register.default, db(), '/register', { email: owner.email });
		expectOnlyOurLinks(await linksMailedTo(db(), owner.email));
	});

	it('the verification link sent again from the settings', async () => {
		const user = await signedIn(db(), { emailVerified: false });
		await postForged(settings.resendVerification, db(), '/settings?/resendVerification', {}, user);
		expectOnlyOurLinks(await linksMailedTo(db(), user.email));
	});

	it('the guardian’s consent link', async () => {
		const user = await signedIn(db());
		const form = applicationFormFor();
		const fields = Object.fromEntries(Object.entries(form).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
		await postForged(join.apply, db(), '/join?/apply', fields, user);
		expectOnlyOurLinks(await linksMailedTo(db(), form.guardianEmail));
	});
});
