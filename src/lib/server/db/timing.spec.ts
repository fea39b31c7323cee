// The Server-Timing figures come from the drivers themselves: a measured request's queries are counted, and the time
// they were in flight is at least what the database took (a lower bound, whatever the machine's speed).
import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeEachDatabase } from './testing';
import { DatabaseTime, measureDatabaseTime } from './timing';

describeEachDatabase('time spent waiting for the database', (connection) => {
	it('counts each query of the measured work and the wall time with one in flight, parallel ones once', async () => {
		const { db } = connection();
		const time = new DatabaseTime();
		await measureDatabaseTime(time, async () => {
			await db.execute(sql`select pg_sleep(0.03)`);
			await Promise.all([db.execute(sql`select pg_sleep(0.02)`), db.execute(sql`select 1`)]);
		});
		expect(time.queries).toBe(3);
		expect(time.busyMs).toBeGreaterThanOrEqual(50);
	});
});
