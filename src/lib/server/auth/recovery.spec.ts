import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import type { Database } from '../db';
import { describeEachDatabase } from '../db/testing';
import { authTokens, outboxMail, users } from '../db/schema';
import { mailFormWindows } from '../mail';
import { createUser, uniqueEmail } from '../testing/factories';
import { logIn } from './login';
import { issueLink, redeemLink } from './links';
import { requestPasswordReset, resetPassword } from './recovery';
import { resendVerificationMail, verifyEmail } from './registration';
import { validateSessionToken } from './session';

const origin = 'https://portal.example.jp';

async function linkTokenFromLatestMail(db: Database, to: string, path: string) {
	const mails = await db.select().from(outboxMail).where(eq(outboxMail.toAddress, to));
	const text = mails.at(-1)?.textBody ?? '';
	return new RegExp(`${origin}${path}\\?token=([a-z2-7]+)`).exec(text)?.[1];
}

describeEachDatabase('verification and recovery links', (connection) => {
	const db = () => connection().db;

	it('mails an unproven account a verification link in its language, which verifies once', async () => {
		const user = await createUser(db(), { emailVerified: false });
		await db().update(users).set({ locale: 'en' }).where(eq(users.id, user.id));
		expect(await resendVerificationMail(db(), user.id, origin)).toBe(true);
		const [mail] = await db().select().from(outboxMail).where(eq(outboxMail.toAddress, user.email));
		expect(mail?.subject).toContain('Confirm your email');
		const link = await linkTokenFromLatestMail(db(), user.email, '/verify-email');
		expect(link).toBeDefined();
		expect(await verifyEmail(db(), link!)).toBe(true);
		expect(await verifyEmail(db(), link!)).toBe(false);
		const [stored] = await db().select().from(users).where(eq(users.id, user.id));
		expect(stored?.emailVerifiedAt).not.toBeNull();
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
		expect(await requestPasswordReset(db(), { email: user.email, ip: '10.9.0.1' }, origin)).toEqual({ ok: true });
		expect(await requestPasswordReset(db(), { email: uniqueEmail(), ip: '10.9.0.1' }, origin)).toEqual({ ok: true });
		const token = await linkTokenFromLatestMail(db(), user.email, '/reset-password');
		expect(token).toBeDefined();
		expect(await resetPassword(db(), token!, 'short')).toEqual({ ok: false, problem: 'password_too_short' });
		expect(await resetPassword(db(), token!, 'a brand new secret')).toEqual({ ok: true });
		expect(await resetPassword(db(), token!, 'yet another secret')).toEqual({ ok: false, problem: 'reset_invalid_link' });
		if (login.ok) expect(await validateSessionToken(db(), login.token)).toBeNull();
		expect((await logIn(db(), { email: user.email, password: 'a brand new secret', ip: '10.9.0.1' })).ok).toBe(true);
		const rows = await db().select().from(authTokens).where(eq(authTokens.userId, user.id));
		expect(rows.every((row) => row.usedAt !== null)).toBe(true);
	});

	it('caps reset requests per address, for existing and unknown addresses alike, from any IP', async () => {
		const user = await createUser(db());
		const unknown = uniqueEmail();
		for (const email of [user.email, unknown]) {
			const answers = [];
			for (let i = 0; i < mailFormWindows.address.limit + 2; i++) {
				answers.push(await requestPasswordReset(db(), { email: i % 2 ? email.toUpperCase() : email, ip: `10.8.0.${i}` }, origin));
			}
			expect(answers).toEqual([
				...Array(mailFormWindows.address.limit).fill({ ok: true }),
				{ ok: false, problem: 'throttled' },
				{ ok: false, problem: 'throttled' }
			]);
		}
		const mails = await db().select().from(outboxMail).where(eq(outboxMail.toAddress, user.email));
		expect(mails).toHaveLength(mailFormWindows.address.limit);
	});

	it('caps reset requests per IP address across many addresses', async () => {
		const ip = '10.7.0.1';
		for (let i = 0; i < mailFormWindows.ip.limit; i++) {
			expect(await requestPasswordReset(db(), { email: uniqueEmail(), ip }, origin)).toEqual({ ok: true });
		}
		expect(await requestPasswordReset(db(), { email: uniqueEmail(), ip }, origin)).toEqual({ ok: false, problem: 'throttled' });
		expect(await requestPasswordReset(db(), { email: uniqueEmail(), ip: '10.7.0.2' }, origin)).toEqual({ ok: true });
	});
});
