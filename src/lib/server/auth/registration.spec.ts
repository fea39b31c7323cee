import { eq, sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import type { Database } from '../db';
import { describeEachDatabase } from '../db/testing';
import { outboxMail, registrationLinks, users } from '../db/schema';
import { mailFormWindows } from '../mail';
import { createUser, uniqueEmail } from '../testing/factories';
import { createAccount } from './accounts';
import { logIn } from './login';
import { completeRegistration, findRegistrationLink, registrationLinkLifetimeMs, requestRegistration } from './registration';
import { validateSessionToken } from './session';

const origin = 'https://portal.example.jp';

async function mailsTo(db: Database, address: string) {
	return db
		.select()
		.from(outboxMail)
		.where(sql`lower(${outboxMail.toAddress}) = lower(${address})`);
}

async function registrationToken(db: Database, address: string): Promise<string> {
	const text = (await mailsTo(db, address)).at(-1)?.textBody ?? '';
	const token = new RegExp(`${origin}/register/complete\\?token=([a-z2-7]{32})`).exec(text)?.[1];
	if (!token) throw new Error(`no registration link mailed to ${address}`);
	return token;
}

describeEachDatabase('registration', (connection) => {
	const db = () => connection().db;
	const ask = (email: string, ip = '10.20.0.1', intent: 'student' | 'mentor' | null = null) =>
		requestRegistration(db(), { email, locale: 'ja', intent, ip }, origin);

	it('mails a new address a link, and makes the account only when its owner chooses a name and password', async () => {
		const email = uniqueEmail('new');
		expect(await ask(email, '10.20.0.1', 'student')).toEqual({ ok: true });
		expect(await db().select().from(users).where(eq(users.email, email))).toEqual([]);
		const [mail] = await mailsTo(db(), email);
		expect(mail?.subject).toBe('【金沢IT部活】登録を続けてください');
		const token = await registrationToken(db(), email);
		expect(await findRegistrationLink(db(), token)).toEqual({ email });

		const result = await completeRegistration(db(), { token, displayName: 'たろう', password: 'kanazawa castle 1583' });
		expect(result).toMatchObject({ ok: true, intent: 'student' });
		if (!result.ok) return;
		expect((await validateSessionToken(db(), result.token))?.user).toMatchObject({ email, displayName: 'たろう', emailVerified: true, roles: [] });
		expect(await completeRegistration(db(), { token, displayName: 'じろう', password: 'another kanazawa secret' })).toEqual({
			ok: false,
			problem: 'register_link_invalid'
		});
		expect(await findRegistrationLink(db(), token)).toBeNull();
	});

	it('answers an existing address exactly like a new one, and tells its owner instead of making anything', async () => {
		const owner = await createUser(db(), { roles: ['coordinator'] });
		await db().update(users).set({ locale: 'en' }).where(eq(users.id, owner.id));
		const before = await db().select().from(registrationLinks);
		const answers = [await ask(owner.email.toUpperCase()), await ask(uniqueEmail('fresh'))];
		expect(answers[0]).toBe(answers[1]);

		const [notice, ...others] = await mailsTo(db(), owner.email);
		expect(others).toEqual([]);
		expect(notice?.subject).toBe('[Kanazawa IT-bu] Someone tried to sign up with your address');
		expect(notice?.textBody).toContain(`${origin}/login`);
		expect(notice?.textBody).toContain(`${origin}/forgot-password`);
		expect(notice?.textBody).not.toMatch(/token=/);
		const links = await db()
			.select()
			.from(registrationLinks)
			.where(sql`lower(${registrationLinks.email}) = lower(${owner.email})`);
		expect(links).toEqual([]);
		expect((await db().select().from(registrationLinks)).length).toBe(before.length + 1);
		expect((await logIn(db(), { email: owner.email, password: owner.password, ip: '10.20.0.9' })).ok).toBe(true);
	});

	it('gives nobody an account on an address they cannot read', async () => {
		const victim = uniqueEmail('victim');
		await ask(victim);
		expect(await logIn(db(), { email: victim, password: 'whatever the squatter chose', ip: '10.20.0.2' })).toEqual({
			ok: false,
			problem: 'invalid_credentials'
		});
		expect(await completeRegistration(db(), { token: 'a'.repeat(32), displayName: 'squatter', password: 'a long enough secret' })).toEqual({
			ok: false,
			problem: 'register_link_invalid'
		});
	});

	it('keeps the link usable after a refused password, and refuses expired links', async () => {
		const email = uniqueEmail('retry');
		await ask(email);
		const token = await registrationToken(db(), email);
		expect(await completeRegistration(db(), { token, displayName: 'x', password: 'password123' })).toEqual({ ok: false, problem: 'password_too_common' });
		expect(await findRegistrationLink(db(), token)).toEqual({ email });
		const later = new Date(Date.now() + registrationLinkLifetimeMs + 1000);
		expect(await findRegistrationLink(db(), token, later)).toBeNull();
		expect(await completeRegistration(db(), { token, displayName: 'x', password: 'a long enough secret' }, later)).toEqual({
			ok: false,
			problem: 'register_link_invalid'
		});
		expect((await completeRegistration(db(), { token, displayName: 'x', password: 'a long enough secret' })).ok).toBe(true);
	});

	it('ends every other link to the address once one is used, and refuses a link whose address was taken meanwhile', async () => {
		const twice = uniqueEmail('twice');
		await ask(twice);
		const first = await registrationToken(db(), twice);
		await ask(twice);
		const second = await registrationToken(db(), twice);
		expect((await completeRegistration(db(), { token: second, displayName: 'b', password: 'a long enough secret' })).ok).toBe(true);
		expect(await findRegistrationLink(db(), first)).toBeNull();

		const raced = uniqueEmail('raced');
		await ask(raced);
		const token = await registrationToken(db(), raced);
		await createAccount(db(), { email: raced, password: 'made by a coordinator', displayName: 'c' });
		expect(await completeRegistration(db(), { token, displayName: 'd', password: 'a long enough secret' })).toEqual({
			ok: false,
			problem: 'register_email_taken'
		});
	});

	it('limits sign-ups per address, for new and existing addresses alike', async () => {
		const owner = await createUser(db());
		for (const email of [owner.email, uniqueEmail('limited')]) {
			const answers = [];
			for (let i = 0; i < mailFormWindows.address.limit + 1; i++) answers.push(await ask(email, `10.21.0.${i}`));
			expect(answers).toEqual([...Array(mailFormWindows.address.limit).fill({ ok: true }), { ok: false, problem: 'throttled' }]);
		}
		expect(await mailsTo(db(), owner.email)).toHaveLength(mailFormWindows.address.limit);
	});

	it('limits sign-ups per IP address', async () => {
		const ip = '10.22.0.1';
		for (let i = 0; i < mailFormWindows.ip.limit; i++) expect(await ask(uniqueEmail('many'), ip)).toEqual({ ok: true });
		expect(await ask(uniqueEmail('many'), ip)).toEqual({ ok: false, problem: 'throttled' });
		expect(await ask(uniqueEmail('many'), '10.22.0.2')).toEqual({ ok: true });
	});

	it('clears away expired and used links', async () => {
		const email = uniqueEmail('stale');
		await ask(email);
		await db()
			.update(registrationLinks)
			.set({ expiresAt: new Date(Date.now() - 1000) })
			.where(eq(registrationLinks.email, email));
		await ask(uniqueEmail('next'));
		expect(await db().select().from(registrationLinks).where(eq(registrationLinks.email, email))).toEqual([]);
	});
});
