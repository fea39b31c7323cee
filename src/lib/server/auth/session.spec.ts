import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../db/testing';
import { sessions, users } from '../db/schema';
import { createUser } from '../testing/factories';
import { setDisabled } from './accounts';
import { createSession, invalidateSession, invalidateUserSessions, sessionAbsoluteMs, sessionIdleMs, validateSessionToken } from './session';

const day = 24 * 60 * 60 * 1000;

describeEachDatabase('sessions', (connection) => {
	const db = () => connection().db;

	it('issues an <id>.<secret> token with 120-bit parts and stores only a hash of the secret', async () => {
		const user = await createUser(db(), { roles: ['student'] });
		const { token, session } = await createSession(db(), user.id);
		expect(token).toMatch(/^[a-z2-7]{24}\.[a-z2-7]{24}$/);
		const [row] = await db().select().from(sessions).where(eq(sessions.id, session.id));
		expect(row?.secretHash).toHaveLength(32);
		expect(Buffer.from(row!.secretHash).toString()).not.toContain(token.split('.')[1]);
		const validated = await validateSessionToken(db(), token);
		expect(validated?.user).toMatchObject({ id: user.id, roles: ['student'], emailVerified: true });
	});

	it('treats malformed and tampered tokens as logged out', async () => {
		const user = await createUser(db());
		const { token } = await createSession(db(), user.id);
		const [id, secret] = token.split('.') as [string, string];
		const flipped = secret.slice(0, -1) + (secret.endsWith('a') ? 'b' : 'a');
		const attempts = [
			'',
			'no-dot-at-all',
			id + secret,
			`${id}.`,
			`.${secret}`,
			`${id}.${secret}.`,
			`${id}.${flipped}`,
			`${id}.${secret}x`,
			`${id}.${secret.slice(1)}`,
			token.toUpperCase(),
			`${id}.${secret.slice(0, -1)}é`,
			`${id}.${secret.slice(0, -2)}💥`,
			`${id}\u0000${secret}`,
			`${id}.${'a'.repeat(10_000)}`,
			`'; drop table sessions; --.${secret}`
		];
		for (const attempt of attempts) {
			expect(await validateSessionToken(db(), attempt), attempt.slice(0, 60)).toBeNull();
		}
		expect(await validateSessionToken(db(), token)).not.toBeNull();
	});

	it('rejects a token replayed after logout', async () => {
		const user = await createUser(db());
		const { token, session } = await createSession(db(), user.id);
		await invalidateSession(db(), session.id);
		expect(await validateSessionToken(db(), token)).toBeNull();
	});

	it('renews an active session but never past the absolute cap, and ends an idle one', async () => {
		const user = await createUser(db());
		const start = new Date('2026-01-01T00:00:00Z');
		const { token } = await createSession(db(), user.id, start);
		const renewed = await validateSessionToken(db(), token, new Date(start.getTime() + 20 * day));
		expect(renewed?.session.expiresAt.getTime()).toBe(start.getTime() + 20 * day + sessionIdleMs);
		let now = start.getTime() + 20 * day;
		while (now + 20 * day < start.getTime() + sessionAbsoluteMs) {
			now += 20 * day;
			expect(await validateSessionToken(db(), token, new Date(now))).not.toBeNull();
		}
		expect(await validateSessionToken(db(), token, new Date(start.getTime() + sessionAbsoluteMs))).toBeNull();

		const idle = await createSession(db(), user.id, start);
		expect(await validateSessionToken(db(), idle.token, new Date(start.getTime() + sessionIdleMs + 1))).toBeNull();
	});

	it('ends every session of a disabled account on its next request', async () => {
		const user = await createUser(db());
		const first = await createSession(db(), user.id);
		const second = await createSession(db(), user.id);
		// Disabled behind the sessions' back (another server, or SQL by hand): the next request must still notice.
		await db().update(users).set({ disabledAt: new Date() }).where(eq(users.id, user.id));
		expect(await validateSessionToken(db(), first.token)).toBeNull();
		expect(await db().select().from(sessions).where(eq(sessions.userId, user.id))).toHaveLength(0);
		expect(await validateSessionToken(db(), second.token)).toBeNull();
		await setDisabled(db(), user.id, false);
	});

	it('can end all other sessions and keep the current one', async () => {
		const user = await createUser(db());
		const current = await createSession(db(), user.id);
		const other = await createSession(db(), user.id);
		await invalidateUserSessions(db(), user.id, current.session.id);
		expect(await validateSessionToken(db(), current.token)).not.toBeNull();
		expect(await validateSessionToken(db(), other.token)).toBeNull();
	});
});
