import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import type { Database } from '../db';
import { describeEachDatabase } from '../db/testing';
import { authTokens, outboxMail, users } from '../db/schema';
import { createUser, uniqueEmail } from '../testing/factories';
import { logIn } from './login';
import { issueLink, redeemLink } from './links';
import { requestPasswordReset, resetPassword } from './recovery';
import { register, verifyEmail } from './registration';
import { validateSessionToken } from './session';

const origin = 'https://portal.example.jp';

async function linkTokenFromLatestMail(db: Database, to: string, path: string) {
	const mails = await db.select().from(outboxMail).where(eq(outboxMail.toAddress, to));
	const text = mails.at(-1)?.textBody ?? '';
	return new RegExp(`${origin}${path}\\?token=([a-z2-7]+)`).exec(text)?.[1];
}

describeEachDatabase('registration and recovery links', (connection) => {
	const db = () => connection().db;

	it('registers, mails a verification link in the chosen language, and verifies once', async () => {
		const email = uniqueEmail();
		const { token } = await register(db(), { email, password: 'a long enough secret', displayName: 'たろう', locale: 'en' }, origin);
		expect((await validateSessionToken(db(), token))?.user.emailVerified).toBe(false);
		const [mail] = await db().select().from(outboxMail).where(eq(outboxMail.toAddress, email));
		expect(mail?.subject).toContain('Confirm your email');
		const link = await linkTokenFromLatestMail(db(), email, '/verify-email');
		expect(link).toBeDefined();
		expect(await verifyEmail(db(), link!)).toBe(true);
		expect(await verifyEmail(db(), link!)).toBe(false);
		expect((await validateSessionToken(db(), token))?.user.emailVerified).toBe(true);
	});

	it('keeps nothing of a registration that fails', async () => {
		const user = await createUser(db());
		await expect(register(db(), { email: user.email.toUpperCase(), password: 'another long secret', displayName: 'x', locale: 'ja' }, origin)).rejects.toThrow('email_taken');
		await expect(register(db(), { email: uniqueEmail(), password: 'password123', displayName: 'x', locale: 'ja' }, origin)).rejects.toThrow('password_too_common');
	});

	it('refuses an expired link and a link of the other purpose', async () => {
		const user = await createUser(db(), { emailVerified: false });
		const past = new Date(Date.now() - 49 * 60 * 60 * 1000);
		const expired = await issueLink(db(), { purpose: 'verify_email', userId: user.id, email: user.email }, past);
		expect(await verifyEmail(db(), expired)).toBe(false);
		const reset = await issueLink(db(), { purpose: 'reset_password', userId: user.id, email: user.email });
		expect(await redeemLink(db(), 'verify_email', reset)).toBeNull();
		expect(await redeemLink(db(), 'reset_password', 'not a token')).toBeNull();
	});

	it('resets a password once, ends every session, and says nothing about unknown emails', async () => {
		const user = await createUser(db());
		const login = await logIn(db(), { email: user.email, password: user.password, ip: '10.9.0.1' });
		await requestPasswordReset(db(), user.email, origin);
		await requestPasswordReset(db(), uniqueEmail(), origin);
		const token = await linkTokenFromLatestMail(db(), user.email, '/reset-password');
		expect(token).toBeDefined();
		await expect(resetPassword(db(), token!, 'short')).rejects.toThrow('password_too_short');
		expect(await resetPassword(db(), token!, 'a brand new secret')).toBe(true);
		expect(await resetPassword(db(), token!, 'yet another secret')).toBe(false);
		if (login.ok) expect(await validateSessionToken(db(), login.token)).toBeNull();
		expect((await logIn(db(), { email: user.email, password: 'a brand new secret', ip: '10.9.0.1' })).ok).toBe(true);
		const rows = await db().select().from(authTokens).where(eq(authTokens.userId, user.id));
		expect(rows.every((row) => row.usedAt !== null)).toBe(true);
	});

	it('caps reset mails per account', async () => {
		const user = await createUser(db());
		for (let i = 0; i < 6; i++) await requestPasswordReset(db(), user.email, origin);
		const mails = await db().select().from(outboxMail).where(eq(outboxMail.toAddress, user.email));
		expect(mails).toHaveLength(3);
		const [stored] = await db().select().from(users).where(eq(users.id, user.id));
		expect(stored?.email).toBe(user.email);
	});
});
