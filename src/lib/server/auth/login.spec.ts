import { expect, it } from 'vitest';
import { describeEachDatabase } from '../db/testing';
import { createUser, uniqueEmail } from '../testing/factories';
import { setDisabled } from './accounts';
import { logIn, loginWindows } from './login';
import { validateSessionToken } from './session';

describeEachDatabase('login', (connection) => {
	const db = () => connection().db;

	it('signs in with the right password and issues a new session each time', async () => {
		const user = await createUser(db(), { roles: ['mentor'] });
		const first = await logIn(db(), { email: user.email.toUpperCase(), password: user.password, ip: '10.0.0.1' });
		const second = await logIn(db(), { email: user.email, password: user.password, ip: '10.0.0.1' });
		expect(first.ok && second.ok).toBe(true);
		if (!first.ok || !second.ok) return;
		expect(first.token).not.toBe(second.token);
		expect((await validateSessionToken(db(), first.token))?.user.roles).toEqual(['mentor']);
	});

	it('answers an unknown email exactly like a wrong password', async () => {
		const user = await createUser(db());
		const wrong = await logIn(db(), { email: user.email, password: 'wrong password!', ip: '10.0.0.2' });
		const unknown = await logIn(db(), { email: uniqueEmail(), password: 'wrong password!', ip: '10.0.0.2' });
		expect(wrong).toEqual({ ok: false, reason: 'invalid_credentials' });
		expect(unknown).toEqual(wrong);
	});

	it('refuses a disabled account', async () => {
		const user = await createUser(db());
		await setDisabled(db(), user.id, true);
		expect(await logIn(db(), { email: user.email, password: user.password, ip: '10.0.0.3' })).toEqual({
			ok: false,
			reason: 'invalid_credentials'
		});
	});

	it('throttles an account after repeated failures, even for the right password, from any address', async () => {
		const user = await createUser(db());
		for (let attempt = 0; attempt < loginWindows.account.limit; attempt++) {
			const result = await logIn(db(), { email: user.email, password: `guess-${attempt}-xx`, ip: `10.1.0.${attempt}` });
			expect(result).toEqual({ ok: false, reason: 'invalid_credentials' });
		}
		expect(await logIn(db(), { email: user.email, password: user.password, ip: '10.1.1.1' })).toEqual({ ok: false, reason: 'throttled' });
	});

	it('throttles one IP address guessing across many accounts', async () => {
		const ip = '10.2.0.1';
		for (let attempt = 0; attempt < loginWindows.ip.limit; attempt++) {
			await logIn(db(), { email: uniqueEmail(), password: 'guess-password', ip });
		}
		const user = await createUser(db());
		expect(await logIn(db(), { email: user.email, password: user.password, ip })).toEqual({ ok: false, reason: 'throttled' });
		expect((await logIn(db(), { email: user.email, password: user.password, ip: '10.2.0.2' })).ok).toBe(true);
	});
});
