import { expect, it } from 'vitest';
import { describeEachDatabase } from '../db/testing';
import { createUser } from '../testing/factories';
import { changeAccount } from './administration';
import { createSession, validateSessionToken } from './session';

describeEachDatabase('account administration', (connection) => {
	const db = () => connection().db;

	it('grants and revokes roles, and a disabled person is logged out at once', async () => {
		const coordinator = await createUser(db(), { roles: ['coordinator'] });
		const person = await createUser(db(), { roles: ['student'] });
		const { token } = await createSession(db(), person.id);
		expect(await changeAccount(db(), coordinator.id, person.id, { kind: 'grant', role: 'mentor' })).toEqual({ ok: true });
		expect((await validateSessionToken(db(), token))?.user.roles).toEqual(['mentor', 'student']);
		expect(await changeAccount(db(), coordinator.id, person.id, { kind: 'revoke', role: 'student' })).toEqual({ ok: true });
		expect((await validateSessionToken(db(), token))?.user.roles).toEqual(['mentor']);
		expect(await changeAccount(db(), coordinator.id, person.id, { kind: 'disable' })).toEqual({ ok: true });
		expect(await validateSessionToken(db(), token)).toBeNull();
		expect(await changeAccount(db(), coordinator.id, person.id, { kind: 'enable' })).toEqual({ ok: true });
		expect(await validateSessionToken(db(), (await createSession(db(), person.id)).token)).not.toBeNull();
	});

	it('does not let a coordinator lock themselves out, and reports unknown accounts', async () => {
		const coordinator = await createUser(db(), { roles: ['coordinator'] });
		expect(await changeAccount(db(), coordinator.id, coordinator.id, { kind: 'disable' })).toEqual({ ok: false, problem: 'accounts_cannot_change_self' });
		expect(await changeAccount(db(), coordinator.id, coordinator.id, { kind: 'revoke', role: 'coordinator' })).toEqual({
			ok: false,
			problem: 'accounts_cannot_change_self'
		});
		expect(await changeAccount(db(), coordinator.id, '00000000-0000-0000-0000-000000000000', { kind: 'disable' })).toEqual({
			ok: false,
			problem: 'accounts_not_found'
		});
		expect(await changeAccount(db(), coordinator.id, 'not-a-uuid', { kind: 'disable' })).toEqual({ ok: false, problem: 'accounts_not_found' });
	});
});
