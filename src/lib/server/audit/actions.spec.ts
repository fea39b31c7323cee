// Every action the code may record is one the database accepts: migrations developed side by side each extend the
// audit log's list of actions, and none may lose another's.
import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { selectRows } from '../db';
import { describeEachDatabase } from '../db/testing';
import { createUser } from '../testing/factories';
import { auditActions, record } from './index';

describeEachDatabase('the audit log’s actions', (connection) => {
	it('accepts every action of auditActions, and no other', async () => {
		const db = connection().db;
		const user = await createUser(db, { roles: ['coordinator'] });
		for (const action of auditActions) await record(db, { id: user.id, displayName: user.displayName }, action);
		const [row] = await selectRows<{ count: number }>(db, sql`select count(distinct action)::int as count from audit_events`);
		expect(Number(row?.count)).toBe(auditActions.length);
		await expect(db.execute(sql`insert into audit_events (actor_name, action) values ('x', 'made_up_action')`)).rejects.toThrow();
	});
});
