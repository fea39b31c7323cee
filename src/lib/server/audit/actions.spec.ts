// Every audit action the code knows is one the database accepts. Several migrations extend the check constraint on
// audit_events.action; one that rewrites it from a stale list would silently make the others' actions fail.
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../db/testing';
import { createUser } from '../testing/factories';
import { auditActions, listEvents, record } from './index';

describeEachDatabase('audit actions', (connection) => {
	it('accepts every action of auditActions', async () => {
		const db = connection().db;
		const user = await createUser(db, { roles: ['coordinator'] });
		const actor = { id: user.id, displayName: user.displayName };
		for (const action of auditActions) await record(db, actor, action, { detail: { probe: true } });
		const recorded = new Set((await listEvents(db, { limit: 1000 })).filter((event) => event.actorId === user.id).map((event) => event.action));
		expect([...recorded].sort()).toEqual([...auditActions].sort());
	});
});
