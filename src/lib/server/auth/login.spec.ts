import { expect, it } from 'vitest';
import { describeEachDatabase } from '../db/testing';
import { createUser, uniqueEmail } from '../testing/factories';
import { setDisabled } from './accounts';
import { logIn, loginWindows } from './login';
import { validateSessionToken } from './session';

describeEachDatabase('login', (connection) => {
	const db = () => connection().db;
	const attempt = (email: string, password: string, ip: string, windows = loginWindows) => logIn(db(), { email, password, ip }, { windows });
	// The same rules with small numbers, where a test would otherwise make hundreds of attempts.
	const small = { accountFromAddress: { limit: 2, windowMs: 60_000 }, account: { limit: 6, windowMs: 60_000 }, ip: { limit: 4, windowMs: 60_000 } };
	const throttled = { ok: false, problem: 'throttled' };
	const invalid = { ok: false, problem: 'invalid_credentials' };

	it('signs in with the right password and issues a new session each time', async () => {
		const user = await createUser(db(), { roles: ['mentor'] });
		const first = await attempt(user.email.toUpperCase(), user.password, '10.0.0.1');
		const second = await attempt(user.email, user.password, '10.0.0.1');
		expect(first.ok && second.ok).toBe(true);
		if (!first.ok || !second.ok) return;
		expect(first.token).not.toBe(second.token);
		expect((await validateSessionToken(db(), first.token))?.user.roles).toEqual(['mentor']);
	});

	it('answers an unknown email exactly like a wrong password', async () => {
		const user = await createUser(db());
		const wrong = await attempt(user.email, 'wrong password!', '10.0.0.2');
		const unknown = await attempt(uniqueEmail(), 'wrong password!', '10.0.0.2');
		expect(wrong).toEqual(invalid);
		expect(unknown).toEqual(wrong);
	});

	it('refuses a disabled account', async () => {
		const user = await createUser(db());
		await setDisabled(db(), user.id, true);
		expect(await attempt(user.email, user.password, '10.0.0.3')).toEqual(invalid);
	});

	it('stops one address guessing an account, even with the right password, without locking the owner out elsewhere', async () => {
		const coordinator = await createUser(db(), { roles: ['coordinator'] });
		for (let guess = 0; guess < loginWindows.accountFromAddress.limit; guess++) {
			expect(await attempt(coordinator.email, `guess-${guess}-xx`, '10.1.0.1')).toEqual(invalid);
		}
		expect(await attempt(coordinator.email, coordinator.password, '10.1.0.1')).toEqual(throttled);
		expect(await attempt(coordinator.email.toUpperCase(), `guess-again`, '10.1.0.1')).toEqual(throttled);
		expect((await attempt(coordinator.email, coordinator.password, '10.1.0.2')).ok).toBe(true);
	});

	it('locks an account everywhere only when failures come from many addresses', async () => {
		expect(loginWindows.account.limit).toBeGreaterThanOrEqual(10 * loginWindows.accountFromAddress.limit);
		const user = await createUser(db());
		for (let guess = 0; guess < small.account.limit; guess++) {
			const ip = `10.3.${Math.floor(guess / small.accountFromAddress.limit)}.1`;
			expect(await attempt(user.email, `guess-${guess}-xx`, ip, small)).toEqual(invalid);
		}
		expect(await attempt(user.email, user.password, '10.3.200.1', small)).toEqual(throttled);
	});

	it('forgives an address its earlier failures once it signs in, and never counts successes', async () => {
		const user = await createUser(db());
		for (let round = 0; round < 3; round++) {
			expect(await attempt(user.email, `typo-${round}-xx`, '10.4.0.1', small)).toEqual(invalid);
			expect((await attempt(user.email, user.password, '10.4.0.1', small)).ok).toBe(true);
		}
		for (let login = 0; login < small.account.limit + 2; login++) {
			expect((await attempt(user.email, user.password, '10.4.0.2', small)).ok, `login ${login}`).toBe(true);
		}
		expect(await attempt(user.email, 'one more typo', '10.4.0.2', small)).toEqual(invalid);
	});

	it('throttles one IP address guessing across many accounts', async () => {
		const ip = '10.2.0.1';
		for (let guess = 0; guess < small.ip.limit; guess++) {
			expect(await attempt(uniqueEmail(), 'guess-password', ip, small)).toEqual(invalid);
		}
		const user = await createUser(db());
		expect(await attempt(user.email, user.password, ip, small)).toEqual(throttled);
		expect((await attempt(user.email, user.password, '10.2.0.2', small)).ok).toBe(true);
	});

	it('counts an attempt before anything that can fail', async () => {
		// PostgreSQL refuses U+0000, so looking this address up fails after the attempt was counted.
		const unstorable = `${uniqueEmail()}\u0000`;
		for (let guess = 0; guess < loginWindows.accountFromAddress.limit; guess++) {
			await expect(attempt(unstorable, 'guess-password', '10.5.0.1')).rejects.toThrow();
		}
		expect(await attempt(unstorable, 'guess-password', '10.5.0.1')).toEqual(throttled);
	});
});
